using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>
/// The append-only audit ledger (<c>AuditLedger</c> table, tenant id = partition key). Lines are never edited or
/// deleted; appending an entry id that exists changes nothing, so retried activities do not duplicate lines.
/// </summary>
public interface IAuditLedger
{
    /// <summary>Appends <paramref name="entry"/> unless a line with its id exists.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>A tenant's lines in time order, optionally of one correlation id.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, string? correlationId = null, CancellationToken cancellationToken = default);
}
