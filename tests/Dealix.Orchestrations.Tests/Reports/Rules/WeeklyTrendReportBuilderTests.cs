using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.Support.Contracts;
using static Dealix.Orchestrations.Tests.Reports.ReportScenario;

namespace Dealix.Orchestrations.Tests.Reports.Rules;

/// <summary>
/// The product loop's weekly trend report for 2026W49 (run Friday 12-04 07:30 AST): this week is Fri 11-27 – Thu 12-03
/// AST ([11-26 21:00Z, 12-03 21:00Z)), the week before Fri 11-20 – Thu 11-26. Every figure is worked out by hand.
/// </summary>
public sealed class WeeklyTrendReportBuilderTests
{
    private static readonly ReportWindow Week = ReportWindows.For(ReportKinds.Find(ReportKinds.WeeklyTrendReport)!, "2026W49")!;

    private static ReportFacts Facts { get; } = new ReportFacts(
        [
            // The week before: 5 decisions on Mon 11-23, 2 rejected (40 % > 20 %): one ux_friction finding that day.
            Draft("x1", DraftStatus.Sent, Utc(11, 23, 8)), Draft("x2", DraftStatus.Sent, Utc(11, 23, 9)), Draft("x3", DraftStatus.Approved, Utc(11, 23, 10)),
            Draft("x4", DraftStatus.Rejected, Utc(11, 23, 11)), Draft("x5", DraftStatus.Rejected, Utc(11, 23, 12)),
        ],
        [
            Ticket("t1", Utc(12, 1, 6), "sync"),           // this week; with t2 the same day: a feature_request finding
            Ticket("t2", Utc(12, 1, 7), "sync", "oauth"),
            Ticket("t3", Utc(12, 2, 6), "sync"),           // alone that day
            Ticket("t4", Utc(11, 22, 6), "oauth"),         // the week before, on two days: no finding
            Ticket("t5", Utc(11, 23, 6), "oauth"),
            Ticket("t6", Utc(11, 24, 6), "billing"),       // once: not recurring
        ],
        [],
        [
            Line("send", Utc(11, 24, 9), "failed"),                       // the week before: one bug finding
            Line("send", Utc(11, 28, 10), "error"),                       // this week, Sat: one bug finding
            Line("send", Utc(12, 2, 9), "failed"), Line("send", Utc(12, 2, 10), "failed"), // Wed: one more (one per action and day)
            Line("draft_decided", Utc(11, 21, 9), "approved"), Line("draft_decided", Utc(11, 22, 9), "approved"), Line("draft_decided", Utc(11, 23, 9), "approved"),
            Line("draft_decided", Utc(11, 23, 10), "rejected", "prohibited_claim; says guaranteed"), Line("draft_decided", Utc(11, 24, 10), "rejected", "tone"),
            Line("draft_decided", Utc(11, 28, 9), "approved"), Line("draft_decided", Utc(11, 29, 9), "approved", "edit_and_approve; shorter"),
            Line("draft_decided", Utc(11, 30, 9), "approved"), Line("draft_decided", Utc(12, 1, 9), "approved"),
            Line("draft_decided", Utc(12, 2, 9), "rejected", "tone"),
        ],
        [
            new IncidentFact("i1", IncidentSeverity.SEV1, "contain", Utc(12, 1, 10), null, false),   // this week: a critical_bug finding
            new IncidentFact("i2", IncidentSeverity.SEV3, "resolved", Utc(11, 30, 10), Utc(11, 30, 12), false),
            new IncidentFact("i3", IncidentSeverity.SEV3, "resolved", Utc(11, 22, 10), Utc(11, 22, 12), false),
            new IncidentFact("i4", IncidentSeverity.SEV3, "resolved", Utc(11, 23, 10), Utc(11, 23, 12), false),
            new IncidentFact("i5", IncidentSeverity.SEV2, "resolved", Utc(11, 10, 10), Utc(11, 10, 12), false),   // before both weeks
        ],
        [],
        [])
    {
        EngineerTasks =
        [
            Issue("e1", "critical_bug", "P0", Utc(12, 1, 4)), Issue("e2", "bug", "P2", Utc(11, 28, 4)), Issue("e3", "bug", "P2", Utc(12, 2, 4)),
            Issue("e4", "feature_request", "P1", Utc(11, 24, 4)), Issue("e5", "bug", "P2", Utc(11, 24, 4)),
            Issue("e6", "bug", "P2", Utc(12, 3, 22)),   // Fri 12-04 01:00 AST: after the window
        ],
    };

    [Fact]
    public void Week49_ComparesEachFigureWithTheWeekBefore()
    {
        WeeklyTrendReport report = WeeklyTrendReportBuilder.Build(Facts, Week, Utc(12, 4, 4, 30));

        Assert.Equal("Fri 2026-11-20 – Thu 2026-11-26 (AST)", report.PreviousWeekLabel);
        Assert.Equal([("critical_bug", 1, 0, "new"), ("bug", 2, 1, "+100 %"), ("feature_request", 1, 0, "new"), ("ux_friction", 0, 1, "gone")],
            report.FindingsByCategory.Select(Tuple));
        Assert.Equal([("P0", 1, 0, "new"), ("P1", 0, 1, "gone"), ("minor", 2, 1, "+100 %")], report.IssuesByPriority.Select(Tuple));
        Assert.Equal([("sync", 3, 0, "new"), ("oauth", 1, 2, "-50 %")], report.RecurringKeywords.Select(Tuple));
        Assert.Equal(new RejectionTrend(5, 1, 0.2, 5, 2, 0.4, "-20.0 pp"), report.Rejections);
        Assert.Equal([("prohibited_claim", 0, 1, "gone"), ("tone", 1, 1, "0 %")], report.RejectionReasons.Select(Tuple));
        Assert.Equal([("SEV1", 1, 0, "new"), ("SEV2", 0, 0, "none"), ("SEV3", 1, 2, "-50 %")], report.Incidents.Select(Tuple));
        Assert.Equal([("keywords", "sync", 3, 0), ("findings", "bug", 2, 1), ("findings", "critical_bug", 1, 0)],
            report.TopRising.Select(r => (r.Section, r.Item, r.ThisWeek, r.PreviousWeek)));
        Assert.Equal(100.0, report.FindingsByCategory[1].ChangePercent);
        Assert.Null(report.FindingsByCategory[0].ChangePercent);

        (string severity, IReadOnlyList<string> summary) = WeeklyTrendReportBuilder.Summarise(report, Week);
        Assert.Equal("warning", severity); // a P0 issue was opened
        Assert.Equal("Week: Fri 2026-11-27 – Thu 2026-12-03 (AST) vs Fri 2026-11-20 – Thu 2026-11-26 (AST)", summary[0]);
        Assert.Equal("Rejection rate: 20 % (-20.0 pp) | نسبة الرفض: 20 %", summary[3]);
        Assert.Equal("Rising: keywords sync 0 → 3 (new) | في ارتفاع: sync", summary[5]);
    }

    [Fact]
    public void NothingStored_EveryRowIsNoneAndTheReportIsInfo()
    {
        WeeklyTrendReport report = WeeklyTrendReportBuilder.Build(ReportFacts.Empty, Week, Utc(12, 4, 4, 30));

        Assert.All(report.FindingsByCategory.Concat(report.IssuesByPriority).Concat(report.Incidents), r => Assert.Equal((0, 0, "none"), (r.ThisWeek, r.PreviousWeek, r.Change)));
        Assert.Empty(report.RecurringKeywords);
        Assert.Empty(report.TopRising);
        Assert.Equal(new RejectionTrend(0, 0, null, 0, 0, null, "none"), report.Rejections);
        Assert.Equal("info", WeeklyTrendReportBuilder.Summarise(report, Week).Severity);
    }

    [Theory]
    [InlineData(3, 2, "+50 %")]
    [InlineData(1, 3, "-66.7 %")]
    [InlineData(4, 4, "0 %")]
    [InlineData(2, 0, "new")]
    [InlineData(0, 2, "gone")]
    [InlineData(0, 0, "none")]
    public void Row_WritesTheChange(int now, int before, string change) => Assert.Equal(change, WeeklyTrendReportBuilder.Row("x", now, before).Change);

    [Fact]
    public void Window_IsTheSevenDaysBeforeTheFridayOfTheWeek()
    {
        Assert.Equal((Utc(11, 26, 21), Utc(12, 3, 21), new DateOnly(2026, 12, 4)), (Week.Start, Week.End, Week.RunDay));
        Assert.Equal("2026W49", ReportWindows.CurrentPeriod(ReportKinds.Find(ReportKinds.WeeklyTrendReport)!, Utc(12, 4, 4, 30)));
    }

    private static (string, int, int, string) Tuple(TrendRow r) => (r.Item, r.ThisWeek, r.PreviousWeek, r.Change);

    private static DraftFact Draft(string id, DraftStatus status, DateTime decided) =>
        new(id, MessageChannel.Email, DraftKind.Reply, status, DealStage.Qualified, decided.AddHours(-1), DecidedAt: decided);

    private static TicketFact Ticket(string id, DateTime opened, params string[] keywords) => new(id, TicketPriority.P2, "open", opened, null, null, keywords);

    private static AuditEntry Line(string action, DateTime at, string outcome, string? reason = null) =>
        new($"{action}:{at:O}", Tenant, "c-1", action, "A", "automation", "deal:acme:c1", at, Reason: reason, Outcome: outcome);

    private static EngineerTaskFact Issue(string id, string category, string priority, DateTime at) =>
        new($"product:acme:{id}", $"product_{category}", category, priority, "open", at);
}
