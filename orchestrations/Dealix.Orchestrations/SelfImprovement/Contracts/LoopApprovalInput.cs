namespace Dealix.Orchestrations.SelfImprovement.Contracts;

/// <summary>
/// Input of <see cref="LoopApprovalOrchestrator"/>: a loop's proposal that needs a human (§17.5), put in the approval
/// center as draft <see cref="DraftId"/> (kind <c>loop_action</c>) under the run's correlation id.
/// </summary>
// WARNING: persisted in history.
public sealed record LoopApprovalInput(string TenantId, string DraftId, LoopProposal Proposal, string CorrelationId, DateTime RequestedAt);
