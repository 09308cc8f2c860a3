namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The operator pre-shift briefing (§19.2, §18 Sun–Thu 08:30, 30 minutes before a 09:00 shift): the approval queue by
/// SLA urgency, the at-risk customers and today's follow-ups.
/// </summary>
/// <param name="UrgencyCounts">Pending approvals per urgency: <c>overdue</c>, <c>due_1h</c>, <c>due_today</c>, <c>later</c>.</param>
/// <param name="ApprovalQueue">Pending approvals, most urgent first (bounded).</param>
/// <param name="AtRisk">Customers with medium or high risk, highest risk first.</param>
/// <param name="FollowUps">Open tasks and touchpoints due by the end of the AST day (overdue ones included), earliest first (bounded).</param>
public sealed record PreShiftBriefing(
    IReadOnlyDictionary<string, int> UrgencyCounts,
    IReadOnlyList<ApprovalQueueItem> ApprovalQueue,
    IReadOnlyList<AtRiskItem> AtRisk,
    IReadOnlyList<FollowUpItem> FollowUps);

/// <summary>One pending approval in the briefing.</summary>
public sealed record ApprovalQueueItem(string DraftId, string Channel, string Kind, string Stage, DateTime? DueAt, string Urgency);

/// <summary>One at-risk customer in the briefing.</summary>
public sealed record AtRiskItem(string CustomerId, int RiskScore, string Severity, int? HealthScore);

/// <summary>One follow-up in the briefing.</summary>
public sealed record FollowUpItem(string Source, string Id, string Title, string OwnerRole, DateTimeOffset DueAt, bool Overdue);
