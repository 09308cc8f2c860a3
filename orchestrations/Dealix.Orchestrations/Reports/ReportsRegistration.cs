using Dealix.Orchestrations.Reports.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Reports;

/// <summary>Registers the report run and its activity (needs <c>IReportFactsSource</c>, <c>IReportStore</c> and <c>IReportLinks</c>;
/// the run also calls <c>SendOperatorAlert</c>).</summary>
public static class ReportsRegistration
{
    /// <summary>Adds <see cref="ReportRunOrchestrator"/> and <see cref="BuildReport"/>.</summary>
    public static DurableTaskRegistry AddReports(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddOrchestrator<ReportRunOrchestrator>().AddActivity<BuildReport>();
    }
}
