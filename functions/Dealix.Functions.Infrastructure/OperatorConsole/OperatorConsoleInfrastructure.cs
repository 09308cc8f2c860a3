using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.OperatorConsole;

/// <summary>Registers the operator console's stores (the deal thread, draft feedback, similar decisions).</summary>
public static class OperatorConsoleInfrastructure
{
    /// <summary>Adds the console's stores; they use the deal area's <see cref="Storage.DealTables"/>.</summary>
    public static IServiceCollection AddOperatorConsoleStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IDealThread, TableDealThread>();
        services.TryAddSingleton<TableDraftFeedback>();
        services.TryAddSingleton<TableDecisionHistory>();
        return services;
    }
}
