namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>DecideStageTransition</c> activity.</summary>
// WARNING: persisted in history.
public sealed record TransitionInput(string TenantId, string DealInstanceId, DealStage Current, StageTrigger Trigger, string Actor, string CorrelationId);
