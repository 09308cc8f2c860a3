using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Sla.Contracts;

/// <summary>One entry of the append-only SLA log (§12.1). <see cref="OccurredAt"/> is UTC.</summary>
// WARNING: persisted in the SLA log.
public sealed record SlaEvent(
    string TicketId,
    string TenantId,
    SlaEventType EventType,
    TicketPriority Priority,
    DateTime OccurredAt,
    string Actor,
    string CorrelationId,
    string? Note = null);
