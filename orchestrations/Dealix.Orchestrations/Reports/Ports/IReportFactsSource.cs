using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Ports;

/// <summary>Reads what the reports need from the tenant's stores (drafts, tickets, SLA log, ledger, incidents, customer success, tasks).</summary>
public interface IReportFactsSource
{
    /// <summary>The facts of <paramref name="tenant"/> for <paramref name="window"/>.</summary>
    Task<ReportFacts> ReadAsync(string tenant, ReportWindow window, CancellationToken cancellationToken = default);
}
