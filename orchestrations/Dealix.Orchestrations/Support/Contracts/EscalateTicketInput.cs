namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>Input of the <c>EscalateTicketSla</c> activity: which ticket and which checkpoint lapsed.</summary>
// WARNING: persisted in history.
public sealed record EscalateTicketInput(string TenantId, string TicketId, SlaCheckpoint Checkpoint, string CorrelationId);
