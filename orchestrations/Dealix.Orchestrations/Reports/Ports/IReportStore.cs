namespace Dealix.Orchestrations.Reports.Ports;

/// <summary>
/// The <c>Reports</c> table: one row per tenant, kind and period. Saving the same key again replaces the row (a re-run
/// or an on-request rebuild of the same period), so a retried activity leaves one report.
/// </summary>
public interface IReportStore
{
    /// <summary>Creates or replaces the report under its key.</summary>
    Task SaveAsync(StoredReport report, CancellationToken cancellationToken = default);

    /// <summary>The report, or null.</summary>
    Task<StoredReport?> GetAsync(string tenant, string kind, string period, CancellationToken cancellationToken = default);

    /// <summary>The report of the latest period of <paramref name="kind"/>, or null when there is none.</summary>
    Task<StoredReport?> GetLatestAsync(string tenant, string kind, CancellationToken cancellationToken = default);

    /// <summary>The tenant's reports (without their JSON), by kind then newest period first.</summary>
    Task<IReadOnlyList<StoredReport>> ListAsync(string tenant, CancellationToken cancellationToken = default);
}
