namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>NotifyOperator</c> activity.</summary>
// WARNING: persisted in history.
public sealed record NotifyOperatorInput(string TenantId, string DraftId, ApprovalStepKind Kind, string CorrelationId);
