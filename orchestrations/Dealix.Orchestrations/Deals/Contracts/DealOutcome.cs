namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>The output of a deal orchestration that ended (only an opt-out ends one).</summary>
// WARNING: persisted as the instance output.
public sealed record DealOutcome(DealStage Stage, string TenantId, string ContactId, string Reason);
