using Dealix.Orchestrations.Sla.Contracts;

namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>Input of the <c>RecordTicketEvent</c> activity: one SLA event the workflow itself records (the first
/// response went out), under an idempotency key so a retry appends it once.</summary>
// WARNING: persisted in history.
public sealed record RecordTicketEventInput(SlaEvent Event, string IdempotencyKey);
