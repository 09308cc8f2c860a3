namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>A ticket's SLA position read from its log: the priority in force, when it opened, whether and when it got
/// its first response, and whether it is resolved now.</summary>
// WARNING: persisted in history (activity output).
public sealed record TicketSlaView(
    string TenantId,
    string TicketId,
    TicketPriority Priority,
    DateTime OpenedAt,
    DateTime? FirstResponseAt,
    bool IsResolved,
    DateTime? ResolvedAt,
    int EventCount);
