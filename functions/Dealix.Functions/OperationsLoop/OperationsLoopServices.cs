using Dealix.Functions.Infrastructure.OperationsLoop;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.OperationsLoop;

/// <summary>Registers what the operations loop needs.</summary>
public static class OperationsLoopServices
{
    /// <summary>Adds the operations metrics and post-mortem store.</summary>
    public static IServiceCollection AddOperationsLoop(this IServiceCollection services) => services.AddOperationsLoopInfrastructure();
}
