using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The Brain's weekly reflection (§17.10; §18 Sunday 08:00 AST, covering the seven days before that Sunday): what
/// worked, what did not, the top 3 priorities for the week and the risks, in Saudi Gulf Arabic, at most 400 words,
/// each statement with the figure it rests on and its source. Advisory only: it decides and does nothing.
/// </summary>
/// <param name="Text">The reflection as the founder reads it.</param>
/// <param name="WordCount">Words of <see cref="Text"/> (whitespace-separated; at most 400).</param>
/// <param name="Advisory">Always true: a human decides (§17.10 "Never: final decisions").</param>
/// <param name="WhatWorked">What worked.</param>
/// <param name="WhatDidNotWork">What did not work.</param>
/// <param name="Priorities">The top 3 priorities for the week, most urgent first.</param>
/// <param name="Risks">The risks; the financial state comes first (not stored: <c>غير مقاس</c>).</param>
/// <param name="Figures">Every figure the statements were chosen from.</param>
/// <param name="FeedbackFrom">Start of the 30 days of customer feedback read (UTC).</param>
/// <param name="FeedbackTo">End of those 30 days (the window's end, UTC).</param>
/// <param name="NotMeasured">What the Brain's context asks for that no store holds.</param>
public sealed record BrainWeeklyReflection(
    string Text,
    int WordCount,
    bool Advisory,
    IReadOnlyList<BrainStatement> WhatWorked,
    IReadOnlyList<BrainStatement> WhatDidNotWork,
    IReadOnlyList<BrainStatement> Priorities,
    IReadOnlyList<BrainStatement> Risks,
    BrainFigures Figures,
    DateTime FeedbackFrom,
    DateTime FeedbackTo,
    IReadOnlyList<NotMeasured> NotMeasured);

/// <summary>One statement: a stable code, the Arabic sentence (it carries the figure), the figure alone and the store it comes from.</summary>
public sealed record BrainStatement(string Code, string Text, string Figure, string Source);

/// <summary>
/// The facts the reflection used: the week's ledger, decisions and queue, support and SLA, incidents, customer
/// success and the product loop's issues; and the 30 days of stored customer feedback (operator feedback §4.7,
/// tickets, classified replies). Rates and averages are null when there is nothing to divide.
/// </summary>
public sealed record BrainFigures(
    int DraftsCreated,
    int Decided,
    int Approved,
    int Edited,
    int Rejected,
    double? RejectionRate,
    string? TopRejectionReason,
    int Sent,
    int Replies,
    int DealsWon,
    int DealsLost,
    int FailedActions,
    string? TopFailedAction,
    int TicketsOpened,
    int TicketsResolved,
    int SlaBreaches,
    string SlaVerdict,
    double SlaBreachRate,
    string? TopKeyword,
    int TopKeywordTickets,
    int OpenP0Tickets,
    int Incidents,
    int IncidentsSev1Or2,
    int OpenSev1Or2,
    int FrozenIncidents,
    int Customers,
    int AtRiskCustomers,
    int HighRiskCustomers,
    double? AverageHealth,
    int PendingApprovals,
    int OverdueApprovals,
    int IssuesOpened,
    int P0IssuesOpen,
    int EngineerTasksOpen,
    [property: JsonPropertyName("feedback_30_days")] int Feedback30Days,
    [property: JsonPropertyName("average_rubric_30_days")] double? AverageRubric30Days,
    [property: JsonPropertyName("exemplars_30_days")] int Exemplars30Days,
    [property: JsonPropertyName("prohibited_claims_30_days")] int ProhibitedClaims30Days,
    [property: JsonPropertyName("tickets_30_days")] int Tickets30Days,
    [property: JsonPropertyName("replies_30_days")] int Replies30Days,
    [property: JsonPropertyName("top_reply_category_30_days")] string? TopReplyCategory30Days);
