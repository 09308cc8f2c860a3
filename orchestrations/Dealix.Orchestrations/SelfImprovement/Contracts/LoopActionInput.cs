namespace Dealix.Orchestrations.SelfImprovement.Contracts;

/// <summary>
/// Input of <see cref="Activities.ApplyLoopAction"/>: the proposal to apply for the tenant, under the flow's correlation
/// id, with the approver and approval id when a human approved it (null: an auto-allowed action), and the idempotency key
/// of the ledger line. <see cref="Period"/> is the loop run's period: an automatic budget change is made at most once per
/// campaign and period (<see cref="Campaign.AutoChangedPeriod"/>).
/// </summary>
// WARNING: persisted in history.
public sealed record LoopActionInput(
    string TenantId, LoopProposal Proposal, string CorrelationId, string IdempotencyKey, string? ApprovedBy = null, string? ApprovalId = null, string? Period = null);

/// <summary>
/// What applying a proposal did: <c>applied</c>, <c>refused</c> (a red line or no correlation id: <see cref="Code"/>),
/// <c>needs_approval</c> (not auto-allowed and nobody approved it), <c>paused</c> (the kill switch holds it) or
/// <c>stale</c> (the campaign changed or vanished since the proposal).
/// </summary>
// WARNING: persisted in history.
public sealed record LoopActionResult(string Outcome, string Code, string Reason);
