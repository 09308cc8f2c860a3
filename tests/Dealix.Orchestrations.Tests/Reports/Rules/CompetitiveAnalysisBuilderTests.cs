using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;

namespace Dealix.Orchestrations.Tests.Reports.Rules;

/// <summary>The monthly competitive analysis (§17.3): its window and its exact figures, worked out by hand.</summary>
public sealed class CompetitiveAnalysisBuilderTests
{
    private static readonly ReportKind Kind = ReportKinds.Find(ReportKinds.CompetitiveAnalysis)!;

    /// <summary>Period 202612 runs on 1 December and covers November (AST): 2026-10-31 21:00Z to 2026-11-30 21:00Z.</summary>
    private static readonly ReportWindow November = ReportWindows.For(Kind, "202612")!;

    private static DateTime Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static CompetitorItem Item(string competitor, DateTime at, params string[] topics) =>
        new("t1", competitor, $"https://example.com/{competitor}/{at.Ticks}", $"title {at.Ticks}", at, topics, at);

    private static ContentEntry Post(string week, int slot, string topic, string status) =>
        new("t1", $"{week}-{slot}", week, slot, topic, "x", "text", status, "why", Utc(11, 2, 6), Utc(11, 2, 6));

    private static AuditEntry Move(string id, DateTime at, string reason, string outcome = "applied", string to = "closed_lost") =>
        new(id, "t1", "c", "stage_transition", "A", "automation", $"deal:t1:{id}", at, From: "nurturing", To: to, Reason: reason, Outcome: outcome);

    private static readonly ReportFacts Facts = ReportFacts.Empty with
    {
        Ledger =
        [
            Move("l1", Utc(11, 3, 9), "intent:not_interested: not_interested"),
            Move("l2", Utc(11, 10, 9), "intent:not_interested: not_interested"),
            Move("l3", Utc(11, 20, 9), "no_response_timeout: no_response"),
            Move("l4", Utc(11, 21, 9), "deal_lost", outcome: "proposed"),
            Move("l5", Utc(11, 22, 9), "reply", to: "qualified"),
            Move("l6", Utc(11, 30, 21), "deal_lost: deal_lost"), // 1 December 00:00 AST: the next month
        ],
        Marketing = new MarketingFacts(
            [
                Item("Rival", Utc(11, 2, 8), "ai"),
                Item("rival", Utc(11, 5, 8), "ai", "marketing"),
                Item("Rival", Utc(11, 9, 8), "hr_tech"),
                Item("Other", Utc(11, 30, 20), "zatca"),
                Item("Other", Utc(10, 31, 20), "saudi_smes"), // 31 October 23:00 AST: the month before
            ],
            [
                Post("2026W44", 3, ContentTopics.SaudiSmes, ContentStatus.Scheduled), // Monday 26 October: not this month
                Post("2026W45", 1, ContentTopics.Ai, ContentStatus.Scheduled),
                Post("2026W45", 2, ContentTopics.Marketing, ContentStatus.Draft),
                Post("2026W45", 4, ContentTopics.Zatca, ContentStatus.Rejected),
                Post("2026W49", 3, ContentTopics.SaudiSmes, ContentStatus.Draft), // Monday 30 November
            ],
            5,
            new Dictionary<string, int> { ["Rival"] = 2, ["Other"] = 0 }),
    };

    [Fact]
    public void Window_MonthlyPeriod_CoversTheCalendarMonthBefore()
    {
        Assert.Equal((Utc(10, 31, 21), Utc(11, 30, 21), new DateOnly(2026, 12, 1)), (November.Start, November.End, November.RunDay));
        Assert.Null(ReportWindows.For(Kind, "2026W49"));
        Assert.Null(ReportWindows.For(Kind, "202613"));
        Assert.Null(ReportWindows.For(Kind, "20261201"));
        Assert.Equal("202612", ReportWindows.CurrentPeriod(Kind, Utc(11, 30, 21)));
        Assert.Equal(Kind, ReportTrigger.Parse("timer:monthly-competitive-analysis:202612")?.Kind);
    }

    [Fact]
    public void Build_November_ExactFigures()
    {
        CompetitiveAnalysis report = CompetitiveAnalysisBuilder.Build(Facts, November, Utc(12, 1, 6));

        Assert.Equal(4, report.CompetitorItems);
        Assert.Equal(new Dictionary<string, int> { ["Other"] = 1, ["Rival"] = 3 }, report.ItemsByCompetitor);
        Assert.Equal(new Dictionary<string, int> { ["ai"] = 2, ["hr_tech"] = 1, ["marketing"] = 1, ["zatca"] = 1 }, report.ItemsByTopic);
        Assert.Equal(new Dictionary<string, int> { ["ai"] = 2, ["hr_tech"] = 1, ["marketing"] = 1 }, report.TopicsByCompetitor["Rival"]);
        Assert.Equal(new Dictionary<string, int> { ["zatca"] = 1 }, report.TopicsByCompetitor["Other"]);
        Assert.Equal(3, report.OurPosts);
        Assert.Equal(new Dictionary<string, int> { ["ai"] = 1, ["marketing"] = 1, ["saudi_smes"] = 1, ["zatca"] = 0 }, report.OurPostsByTopic);
        Assert.Equal(["hr_tech", "zatca"], report.TopicsTheyCoveredWeDidNot);
        Assert.Equal(["saudi_smes"], report.TopicsWeCoveredTheyDidNot);
        Assert.Equal((5, 2, 0), (report.InboundMessages, report.CompetitorMentions!["Rival"], report.CompetitorMentions["Other"]));
        Assert.Equal(3, report.DealsLost);
        Assert.Equal(new Dictionary<string, int> { ["no_response"] = 1, ["not_interested"] = 2 }, report.DealsLostByReason);
        Assert.Equal("not measured", report.DealsLostToCompetitor);
        Assert.Equal([("topic_gap_ours", 1), ("topic_gap_ours", 1), ("topic_lead_ours", 1), ("competitor_mentioned", 2)], report.Findings.Select(f => (f.Code, f.Count)));
        Assert.Equal("Competitors covered 'hr_tech' (1 items); we posted nothing on it", report.Findings[0].Text);
        Assert.Equal("Rival named in 2 inbound messages", report.Findings[3].Text);
        Assert.Equal(["deals_lost_to_competitor", "competitor_engagement"], report.NotMeasured.Select(n => n.Field));
    }

    [Fact]
    public void Build_WithoutMarketingFacts_SaysNotMeasured_NeverZeroMentions()
    {
        CompetitiveAnalysis report = CompetitiveAnalysisBuilder.Build(ReportFacts.Empty, November, Utc(12, 1, 6));
        (string severity, IReadOnlyList<string> summary) = CompetitiveAnalysisBuilder.Summarise(report, November);

        Assert.Equal((0, 0, (int?)null, (IReadOnlyDictionary<string, int>?)null), (report.CompetitorItems, report.OurPosts, report.InboundMessages, report.CompetitorMentions));
        Assert.Contains("competitor_mentions_in_inbound", report.NotMeasured.Select(n => n.Field));
        Assert.Equal("info", severity);
        Assert.Contains("Competitor mentions in inbound messages: not measured | ذكر المنافسين في الرسائل الواردة: غير مقاس", summary);
    }
}
