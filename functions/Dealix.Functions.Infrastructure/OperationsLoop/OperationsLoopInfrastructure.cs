using Dealix.Orchestrations.OperationsLoop.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.OperationsLoop;

/// <summary>Registers the operations loop's store. Needs the deal tables (<c>AddDealsInfrastructure</c>).</summary>
public static class OperationsLoopInfrastructure
{
    /// <summary>Adds <see cref="IOperationsStore"/> (the <c>OperationsMetrics</c> and <c>OperationsPostMortems</c> tables).</summary>
    public static IServiceCollection AddOperationsLoopInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton<IOperationsStore, TableOperationsStore>();
        return services;
    }
}
