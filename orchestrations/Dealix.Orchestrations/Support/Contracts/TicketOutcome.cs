namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>How a ticket's workflow ended: resolved (and not reopened within the grace period).</summary>
// WARNING: persisted in history (orchestration output).
public sealed record TicketOutcome(string TicketId, TicketPriority Priority, DateTime OpenedAt, DateTime? FirstResponseAt, DateTime? ResolvedAt,
    IReadOnlyList<string> Escalations);
