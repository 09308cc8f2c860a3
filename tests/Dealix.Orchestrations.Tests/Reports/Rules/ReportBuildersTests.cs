using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using static Dealix.Orchestrations.Tests.Reports.ReportScenario;

namespace Dealix.Orchestrations.Tests.Reports.Rules;

/// <summary>Each builder on <see cref="ReportScenario"/>: the exact figures, worked out by hand from the seeded rows.</summary>
public sealed class ReportBuildersTests
{
    private static ReportWindow Window(string kind, string period) => ReportWindows.For(ReportKinds.Find(kind)!, period)!;

    [Fact]
    public void DailyDigest_SundayAfterTheWeekend_CountsThursdayToSaturday()
    {
        DailyDigest digest = DailyDigestBuilder.Build(Facts, Window(ReportKinds.DailyDigest, "20261206"), Utc(12, 6, 4));

        Assert.Equal(new DraftCounts(Created: 4, Approved: 1, Rejected: 1, Expired: 1, BlockedByGate: 0), digest.Drafts);
        Assert.Equal(new Dictionary<string, int> { ["email"] = 1, ["whatsapp"] = 1 }, digest.SentByChannel);
        Assert.Equal(new Dictionary<string, int> { ["interested"] = 2, ["price_question"] = 1 }, digest.RepliesByCategory);
        Assert.Equal(new Dictionary<string, int> { ["new_lead→qualified"] = 1, ["proposal→closed_won"] = 1 }, digest.StageMovements);
        Assert.Equal(new Dictionary<string, int> { ["P0"] = 1, ["P1"] = 0, ["P2"] = 1, ["P3"] = 0 }, digest.TicketsOpened);
        Assert.Equal(new Dictionary<string, int> { ["P0"] = 1, ["P1"] = 1, ["P2"] = 0, ["P3"] = 0 }, digest.TicketsResolved);
        Assert.Equal(["t2", "t3"], digest.BreachedTickets);
        Assert.Equal((1, 4, 1), (digest.IncidentsOpened, digest.PendingApprovals, digest.OverdueApprovals));
    }

    [Fact]
    public void DailyDigest_Monday_CoversSundayOnly()
    {
        DailyDigest digest = DailyDigestBuilder.Build(Facts, Window(ReportKinds.DailyDigest, "20261207"), Utc(12, 7, 4));

        // Sunday (12-05 21:00Z to 12-06 21:00Z) saw only d7 and d8 created.
        Assert.Equal(new DraftCounts(2, 0, 0, 0, 0), digest.Drafts);
        Assert.Empty(digest.SentByChannel);
        Assert.Equal(0, digest.TicketsOpened.Values.Sum());
    }

    [Fact]
    public void MorningDigest_WeekendWithAnOpenSev2_IsRedWithTheTopThreeActions()
    {
        ReportWindow window = Window(ReportKinds.MorningDigest, "20261206");
        MorningDigest digest = MorningDigestBuilder.Build(Facts, window, Utc(12, 6, 3));

        Assert.Equal((1, 3, 1, 2), (digest.DealsWon, digest.NewLeads, digest.NewCustomers, digest.AtRiskCustomers));
        Assert.Equal("red", digest.Health.Status);
        Assert.Equal(new Dictionary<string, int> { ["SEV2"] = 1 }, digest.Health.OpenIncidents);
        Assert.Equal((1, false), (digest.Health.IncidentsDetected, digest.Health.Frozen));
        Assert.Equal([("open_major_incidents", 1), ("breached_tickets", 2), ("overdue_approvals", 1)], digest.ActionItems.Select(a => (a.Code, a.Count)));
        Assert.Equal("1 approvals past their deadline", digest.ActionItems[2].Text);
        Assert.Equal("1 موافقات تجاوزت موعدها", digest.ActionItems[2].TextAr);

        (string severity, IReadOnlyList<string> summary) = MorningDigestBuilder.Summarise(digest, window);
        Assert.Equal("critical", severity);
        Assert.Equal("Window: Thu 2026-12-03 – Sat 2026-12-05 (AST)", summary[0]);
        Assert.Equal(7, summary.Count);
    }

    [Fact]
    public void MorningDigest_NothingHappened_IsGreenWithNoActions()
    {
        MorningDigest digest = MorningDigestBuilder.Build(ReportFacts.Empty, Window(ReportKinds.MorningDigest, "20261208"), Utc(12, 8, 3));

        Assert.Equal((0, 0, 0, 0), (digest.DealsWon, digest.NewLeads, digest.NewCustomers, digest.AtRiskCustomers));
        Assert.Equal(("green", 0, false), (digest.Health.Status, digest.Health.IncidentsDetected, digest.Health.Frozen));
        Assert.Empty(digest.ActionItems);
        Assert.Empty(digest.Health.OpenIncidents);
        Assert.Equal("info", MorningDigestBuilder.Summarise(digest, Window(ReportKinds.MorningDigest, "20261208")).Severity);
    }

    [Fact]
    public void PreShiftBriefing_SundayMorning_OrdersTheQueueByUrgency()
    {
        ReportWindow window = Window(ReportKinds.PreShiftBriefing, "20261206");
        PreShiftBriefing briefing = PreShiftBriefingBuilder.Build(Facts, window, Utc(12, 6, 5, 30));

        Assert.Equal(new Dictionary<string, int> { ["overdue"] = 1, ["due_1h"] = 1, ["due_today"] = 1, ["later"] = 1 }, briefing.UrgencyCounts);
        Assert.Equal([("d3", "overdue"), ("d8", "due_1h"), ("d4", "due_today"), ("d7", "later")], briefing.ApprovalQueue.Select(q => (q.DraftId, q.Urgency)));
        Assert.Equal(("whatsapp", "reply", "qualified"), (briefing.ApprovalQueue[0].Channel, briefing.ApprovalQueue[0].Kind, briefing.ApprovalQueue[0].Stage));
        Assert.Equal([new AtRiskItem("cu1", 75, "high", 35), new AtRiskItem("cu2", 50, "medium", 60)], briefing.AtRisk);
        Assert.Equal([("f1", true), ("f2", false)], briefing.FollowUps.Select(f => (f.Id, f.Overdue)));
        Assert.Equal("warning", PreShiftBriefingBuilder.Summarise(briefing, window).Severity);
    }

    [Fact]
    public void WeeklySupportReview_Week49_ClassifiesEveryTicketAndCallsItCritical()
    {
        ReportWindow window = Window(ReportKinds.WeeklySupportReview, "2026W49");
        WeeklySupportReview review = WeeklySupportReviewBuilder.Build(Facts, window, Utc(12, 6, 6));

        Assert.Equal(new Dictionary<string, int> { ["P0"] = 1, ["P1"] = 1, ["P2"] = 1, ["P3"] = 1 }, review.Opened);
        Assert.Equal(new Dictionary<string, int> { ["P0"] = 1, ["P1"] = 1, ["P2"] = 1, ["P3"] = 0 }, review.Closed);
        Assert.Equal(new Dictionary<string, int> { ["P0"] = 0, ["P1"] = 0, ["P2"] = 1, ["P3"] = 1 }, review.BreachesByPriority);
        Assert.Equal(new Dictionary<string, int> { ["met"] = 2, ["pending"] = 0, ["at_risk"] = 0, ["breached"] = 2 }, review.FirstResponse);
        Assert.Equal(new Dictionary<string, int> { ["met"] = 2, ["pending"] = 1, ["at_risk"] = 1, ["breached"] = 0 }, review.Resolution);
        Assert.Equal([new BreachItem("t2", "P2", true, false, true), new BreachItem("t3", "P3", true, false, true)], review.Breaches);
        Assert.Equal((0.5, "critical", 35.0), (review.BreachRate, review.Verdict, review.MedianFirstResponseMinutes));
        Assert.Equal([new RepeatedIssue("sync", 2)], review.RepeatedIssues);
        Assert.Equal(new Dictionary<string, int> { ["P0"] = 0, ["P1"] = 0, ["P2"] = 1, ["P3"] = 1 }, review.OpenNow);
        Assert.Equal("critical", WeeklySupportReviewBuilder.Summarise(review, window).Severity);
    }

    [Fact]
    public void WeeklySupportReview_NoTickets_IsHealthy()
    {
        WeeklySupportReview review = WeeklySupportReviewBuilder.Build(ReportFacts.Empty, Window(ReportKinds.WeeklySupportReview, "2026W50"), Utc(12, 13, 6));

        Assert.Equal((0.0, "healthy", (double?)null), (review.BreachRate, review.Verdict, review.MedianFirstResponseMinutes));
        Assert.Empty(review.Breaches);
    }

    [Fact]
    public void ReportBuilder_EveryKind_BuildsAHeaderWithBothTitles()
    {
        foreach (ReportKind kind in ReportKinds.All)
        {
            string period = kind.Monthly ? "202612" : kind.Weekly ? "2026W49" : "20261206";
            ReportDocument document = ReportBuilder.Build(kind, Tenant, period, ReportWindows.For(kind, period)!, Facts, Utc(12, 6, 6));

            Assert.Equal((kind.Name, Tenant, period, kind.Title, kind.TitleAr), (document.Header.Kind, document.Header.Tenant, document.Header.Period, document.Header.Title, document.Header.TitleAr));
            Assert.Contains(document.Severity, new[] { "info", "warning", "critical" });
            Assert.NotEmpty(document.Summary);
            Assert.DoesNotContain(document.Summary, line => line.Contains('@', StringComparison.Ordinal));
        }
    }
}
