using Dealix.Orchestrations.Reports.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.Reports;

/// <summary>Registers the reports' store, facts reader and links. Needs the deal, support, incident, customer-success, task and draft-feedback stores.</summary>
public static class ReportsInfrastructure
{
    /// <summary>Adds <see cref="IReportStore"/> (the <c>Reports</c> table), <see cref="IReportFactsSource"/> and <see cref="IReportLinks"/>.</summary>
    public static IServiceCollection AddReportsInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton<IReportStore, TableReportStore>();
        services.TryAddSingleton<IReportFactsSource, StoreReportFacts>();
        services.TryAddSingleton<IReportLinks, ReportLinks>();
        return services;
    }
}
