using Dealix.Functions.Infrastructure.SelfImprovement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.SelfImprovement;

/// <summary>Registers what the self-improvement loops need.</summary>
public static class LoopsServices
{
    /// <summary>Adds the campaign store and the audit export store.</summary>
    public static IServiceCollection AddSelfImprovementLoops(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSelfImprovementInfrastructure(configuration);
}
