using Dealix.Orchestrations.SelfImprovement.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.SelfImprovement;

/// <summary>Registers the self-improvement loops' stores. Needs the deal tables (<c>AddDealsInfrastructure</c>).</summary>
public static class SelfImprovementInfrastructure
{
    /// <summary>Adds <see cref="ICampaignStore"/> (the <c>Campaigns</c> table).</summary>
    public static IServiceCollection AddSelfImprovementInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton<ICampaignStore, TableCampaignStore>();
        return services;
    }
}
