namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The self-growth weekly learning report (§15.1; §18 Thursday 15:00 AST, covering the seven days Thursday–Wednesday
/// before it): reply rates per template, approval and edit rates, the top rejection reasons, next week's experiments
/// (proposals: a human decides), and the three reminders. Reply rates by sector are <c>not measured</c>: deals do not
/// carry the prospect's sector.
/// </summary>
/// <param name="ReplyRatesByTemplate">Per draft category: messages sent in the week and how many of those deals replied after the send.</param>
/// <param name="ReplyRatesBySector">Always <c>not measured</c>.</param>
/// <param name="Decided">Operator decisions in the week.</param>
/// <param name="Approved">Of those, approvals (edited ones included).</param>
/// <param name="Edited">Approvals that edited the draft (<c>edit_and_approve</c>).</param>
/// <param name="Rejected">Rejections.</param>
/// <param name="ApprovalRate">Approved ÷ decided (null with no decisions).</param>
/// <param name="EditRate">Edited-and-approved ÷ decided (null with no decisions).</param>
/// <param name="TopRejectionReasons">Rejection reason codes, most frequent first (top 3).</param>
/// <param name="NextWeekExperiments">Proposed experiments, each with the figure that prompted it.</param>
/// <param name="Reminders">The three reminders every brief repeats.</param>
public sealed record SelfGrowthWeeklyLearning(
    IReadOnlyList<TemplateRate> ReplyRatesByTemplate,
    string ReplyRatesBySector,
    int Decided,
    int Approved,
    int Edited,
    int Rejected,
    double? ApprovalRate,
    double? EditRate,
    IReadOnlyList<ReasonCount> TopRejectionReasons,
    IReadOnlyList<ReportItem> NextWeekExperiments,
    IReadOnlyList<Reminder> Reminders);

/// <summary>A template family's sends and replies in the week; the rate is null with no sends.</summary>
public sealed record TemplateRate(string Template, int Sent, int Replied, double? ReplyRate);

/// <summary>A reason code and how often it was given.</summary>
public sealed record ReasonCount(string Reason, int Count);
