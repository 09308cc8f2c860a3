namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>When to remind, when to escalate, and when the draft expires (§4.4).</summary>
public sealed record ApprovalPlan(IReadOnlyList<ApprovalStep> Steps, DateTime ExpiresAt);
