namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>One point of a ticket's SLA clock: at <see cref="At"/>, escalate <see cref="Target"/> at <see cref="Level"/>
/// for the priority in force. <see cref="Key"/> names it once per ticket, target, level and priority.</summary>
// WARNING: persisted in history.
public sealed record SlaCheckpoint(SlaTarget Target, EscalationLevel Level, TicketPriority Priority, DateTime At, string Key);
