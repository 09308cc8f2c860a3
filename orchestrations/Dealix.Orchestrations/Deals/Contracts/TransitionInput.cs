namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>DecideStageTransition</c> activity.</summary>
/// <remarks>
/// <para><c>IdempotencyKey</c>: made by the orchestrator for this call (see <see cref="Lifecycle.DealKeys.IdempotencyKey"/>);
/// a retry re-sends the same input, so every attempt writes under the same key.</para>
/// </remarks>
// WARNING: persisted in history.
public sealed record TransitionInput(
    string TenantId, string DealInstanceId, DealStage Current, StageTrigger Trigger, string Actor, string CorrelationId, string IdempotencyKey);
