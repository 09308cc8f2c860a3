using Dealix.Functions.Infrastructure.Onboarding;
using Dealix.Orchestrations.Onboarding.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Infrastructure;

/// <summary>Registers the onboarding area's ports (the connector store; the starter is made per call from the durable client).</summary>
public static class OnboardingInfrastructure
{
    /// <summary>Adds the <c>Connectors</c> table store. Needs <see cref="DealsInfrastructure.AddDealsInfrastructure"/> (tables, drafts, ledger).</summary>
    public static IServiceCollection AddOnboardingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IConnectorStore, TableConnectorStore>();
        return services;
    }
}
