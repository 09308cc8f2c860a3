using Dealix.Orchestrations.Sla.Contracts;

namespace Dealix.Orchestrations.Support.Ports;

/// <summary>
/// The append-only SLA log (§12.1, the <c>SlaEvents</c> table): events are validated against the ticket's earlier
/// events before they are appended, appends never overwrite, and an append under a key already used returns the
/// earlier result without a second line.
/// </summary>
public interface ISlaLogStore
{
    /// <summary>A ticket's events in order (empty when it has none).</summary>
    Task<IReadOnlyList<SlaEvent>> ReadAsync(string tenantId, string ticketId, CancellationToken cancellationToken = default);

    /// <summary>Validates and appends; the validation says why not. Idempotent per <paramref name="idempotencyKey"/>.</summary>
    Task<SlaEventValidation> AppendAsync(SlaEvent slaEvent, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Every ticket's events of a tenant (the health report), each list in order.</summary>
    Task<IReadOnlyList<IReadOnlyList<SlaEvent>>> ReadTenantAsync(string tenantId, CancellationToken cancellationToken = default);
}
