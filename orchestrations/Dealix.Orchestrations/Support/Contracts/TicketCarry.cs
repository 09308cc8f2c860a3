namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>What a ticket's workflow carries into its next generation (continue-as-new bounds its history): its SLA view,
/// the draft still pending and the checkpoints already handled.</summary>
// WARNING: persisted in history.
public sealed record TicketCarry(TicketSlaView View, string? PendingDraft, IReadOnlyList<string> Handled);
