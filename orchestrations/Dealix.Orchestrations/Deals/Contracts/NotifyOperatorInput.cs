namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>NotifyOperator</c> activity.</summary>
/// <remarks>
/// <para><c>IdempotencyKey</c>: made by the orchestrator for this call (see <see cref="Lifecycle.DealKeys.IdempotencyKey"/>);
/// a retry re-sends the same input, so every attempt writes under the same key.</para>
/// The notifier sends once per key.
/// </remarks>
// WARNING: persisted in history.
public sealed record NotifyOperatorInput(string TenantId, string DraftId, ApprovalStepKind Kind, string CorrelationId, string IdempotencyKey);
