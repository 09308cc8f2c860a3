namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>The one draft of a deal waiting for an operator, and the approval instance watching its SLA.</summary>
// WARNING: persisted in history (part of the deal state).
public sealed record PendingApproval(string DraftId, string ApprovalInstanceId, DealStage? ProposedStage, string CorrelationId);
