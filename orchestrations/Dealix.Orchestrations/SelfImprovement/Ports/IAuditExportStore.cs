namespace Dealix.Orchestrations.SelfImprovement.Ports;

/// <summary>The daily audit files of §17.7 (<c>audit/{tenant}/YYYY-MM-DD.jsonl</c> and <c>.csv</c>).</summary>
public interface IAuditExportStore
{
    /// <summary>Writes (or rewrites with the same content) the tenant's files of <paramref name="day"/>.</summary>
    Task WriteAsync(string tenantId, DateOnly day, string jsonLines, string csv, CancellationToken cancellationToken = default);

    /// <summary>The tenant's file of <paramref name="day"/> in <paramref name="format"/> (<c>jsonl</c> or <c>csv</c>), or null.</summary>
    Task<string?> ReadAsync(string tenantId, DateOnly day, string format, CancellationToken cancellationToken = default);
}
