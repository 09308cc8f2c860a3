using Dealix.Functions.Infrastructure.SelfImprovement;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.SelfImprovement;

/// <summary>Registers what the self-improvement loops need.</summary>
public static class LoopsServices
{
    /// <summary>Adds the campaign store.</summary>
    public static IServiceCollection AddSelfImprovementLoops(this IServiceCollection services) => services.AddSelfImprovementInfrastructure();
}
