namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The product loop's weekly trend report (§17.2 "a weekly trend report (Friday)"; §18 Friday 07:30 AST): the seven
/// days before that Friday against the seven days before those, each figure with both weeks and the change.
/// </summary>
/// <param name="PreviousWeekLabel">The week compared against, in AST.</param>
/// <param name="FindingsByCategory">The product loop's findings (§17.2 categories, as <c>ProductRules</c> classifies them, the top 5 of each AST day), per category.</param>
/// <param name="IssuesByPriority">Engineering issues the loop opened (stored engineer tasks), per priority: <c>P0</c>, <c>P1</c>, <c>minor</c>.</param>
/// <param name="RecurringKeywords">Support keywords on two or more tickets opened in either week, per keyword (tickets).</param>
/// <param name="Rejections">Operator approval decisions and rejections, from the ledger.</param>
/// <param name="RejectionReasons">Rejections per reason code.</param>
/// <param name="Incidents">Incidents detected, per severity.</param>
/// <param name="TopRising">The rows that rose most (this week minus the week before), at most three.</param>
public sealed record WeeklyTrendReport(
    string PreviousWeekLabel,
    IReadOnlyList<TrendRow> FindingsByCategory,
    IReadOnlyList<TrendRow> IssuesByPriority,
    IReadOnlyList<TrendRow> RecurringKeywords,
    RejectionTrend Rejections,
    IReadOnlyList<TrendRow> RejectionReasons,
    IReadOnlyList<TrendRow> Incidents,
    IReadOnlyList<RisingItem> TopRising);

/// <summary>
/// One figure in both weeks. <see cref="Change"/> is the change in % (e.g. <c>+50 %</c>, <c>-25 %</c>, <c>0 %</c>),
/// <c>new</c> when the week before had none, <c>gone</c> when this week has none, <c>none</c> when both are 0;
/// <see cref="ChangePercent"/> is null in those three cases.
/// </summary>
public sealed record TrendRow(string Item, int ThisWeek, int PreviousWeek, string Change, double? ChangePercent);

/// <summary>The approval decisions and rejections of both weeks; rates are null without decisions; the change is in percentage points.</summary>
public sealed record RejectionTrend(int DecidedThisWeek, int RejectedThisWeek, double? RateThisWeek, int DecidedPreviousWeek, int RejectedPreviousWeek,
    double? RatePreviousWeek, string Change);

/// <summary>A rising row: which section, which item, both weeks and the change.</summary>
public sealed record RisingItem(string Section, string Item, int ThisWeek, int PreviousWeek, string Change);
