using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Tests.SelfImprovement;

/// <summary>The loops' pure rules with exact figures: §17.3 ad optimisation, §17.5 auto vs approval, §17.2 product findings.</summary>
public class LoopRulesTests
{
    private static readonly DateTime At = new(2026, 12, 6, 5, 0, 0, DateTimeKind.Utc);

    private static Campaign C(string id, decimal budget, decimal target, decimal cpa, int conversions, bool active = true, bool adsPaused = false) =>
        new("acme", id, id, budget, target, cpa, conversions, active, adsPaused, At);

    [Fact]
    public void Marketing_OneAutomaticBudgetChangePerPeriod_CutsStillProposed()
    {
        Campaign raised = C("c-strong", 1300m, 70m, 45m, 11) with { AutoChangedPeriod = "20261206" };
        Assert.Empty(MarketingRules.Review([raised], "20261206"));
        Assert.Equal(1690m, Assert.Single(MarketingRules.Review([raised], "20261207")).To);
        Assert.Single(MarketingRules.Review([C("b-weak", 2000m, 50m, 75.5m, 9) with { AutoChangedPeriod = "20261206" }], "20261206"));

        // The store's check: a second automatic change in the period is refused; a retry of the same change is done; an
        // approved change (no period) is not held by it.
        DateTime at = At.AddHours(1);
        Assert.Same(raised, CampaignBudget.Change(raised, 1300m, 1690m, at, "20261206"));
        Assert.Null(CampaignBudget.Change(raised, 1000m, 1300m, at, "20261206"));
        Assert.Equal((1690m, "20261207"), CampaignBudget.Change(raised, 1300m, 1690m, at, "20261207") is { } next ? (next.Budget, next.AutoChangedPeriod) : default);
        Assert.Equal((1040m, "20261206"), CampaignBudget.Change(raised, 1300m, 1040m, at, null) is { } cut ? (cut.Budget, cut.AutoChangedPeriod) : default);
        Assert.Same(raised, CampaignBudget.Change(raised, 999m, 1040m, at, null));
    }

    [Fact]
    public void Marketing_EachRowOfTheTable_WithExactFigures()
    {
        IReadOnlyList<LoopProposal> proposals = MarketingRules.Review(
        [
            C("a-failing", 1000m, 50m, 150.01m, 3),     // > 3x target: pause the failing ads (auto)
            C("b-weak", 2000m, 50m, 75.5m, 9),          // > 1.5x: reduce to 80 % (approval)
            C("c-strong", 1000m, 70m, 45m, 11),         // < 0.7x and volume 11 > 10: +30 % (auto)
            C("d-strong-few", 1000m, 70m, 45m, 10),     // volume 10 is not > 10: nothing
            C("e-edge-3x", 999.99m, 50m, 150m, 4),      // exactly 3x is not > 3x but is > 1.5x: reduce
            C("f-edge-1-5x", 500m, 50m, 75m, 4),        // exactly 1.5x: nothing
            C("g-inactive", 1000m, 50m, 500m, 1, active: false),
            C("h-paused", 1000m, 50m, 500m, 1, adsPaused: true), // ads already paused: nothing more
        ]);

        Assert.Equal(
        [
            new LoopProposal("marketing", "pause_failing_ads", "a-failing", null, null, "CPA 150.01 > 3 × target 50", false),
            new LoopProposal("marketing", "reduce_budget", "b-weak", 2000m, 1600m, "CPA 75.5 > target 50", true),
            new LoopProposal("marketing", "increase_budget", "c-strong", 1000m, 1300m, "Strong CPA 45, scaling up", false),
            new LoopProposal("marketing", "reduce_budget", "e-edge-3x", 999.99m, 799.99m, "CPA 150 > target 50", true),
        ], proposals);
    }

    [Theory]
    [InlineData("increase_budget", "1000", "1300", null, "allowed", "auto_budget_increase")]
    [InlineData("increase_budget", "1000", "1300.01", null, "needs_approval", "budget_increase_over_30_percent")]
    [InlineData("increase_budget", "1000", "1300.01", "founder", "allowed", "approved")]
    [InlineData("reduce_budget", "1000", "990", null, "needs_approval", "budget_reduction")] // every reduction, even -1 %
    [InlineData("reduce_budget", "1000", "800", "op-1", "allowed", "approved")]
    [InlineData("pause_failing_ads", null, null, null, "allowed", "auto_allowed")]
    [InlineData("launch_campaign", null, "5000.01", null, "needs_approval", "campaign_launch")]
    [InlineData("change_brand_messaging", null, null, null, "needs_approval", "brand_messaging")]
    public void AutoActionPolicy_Section17_5(string action, string? from, string? to, string? approvedBy, string outcome, string code)
    {
        Verdict v = LoopGuard.Check(new AutomatedAction("acme", action, "corr-1", "camp-1")
        {
            From = from is null ? null : decimal.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To = to is null ? null : decimal.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            ApprovedBy = approvedBy,
        });
        Assert.Equal((outcome, code), (v.Outcome, v.Code));
    }

    [Theory]
    [InlineData(100, "customer_facing")]
    [InlineData(101, "bulk_email_over_100")]
    public void BulkEmail_OverOneHundred_NeedsApproval(int recipients, string code)
    {
        Verdict v = LoopGuard.Check(new AutomatedAction("acme", "bulk_email", "corr-1", "list-1") { Recipients = recipients, Audience = "customer" });
        Assert.Equal((Verdict.NeedsApprovalOutcome, code), (v.Outcome, v.Code));
    }

    [Fact]
    public void Product_FindingsScoredAndTopFive_WithExactFigures()
    {
        DateTime from = At.AddDays(-1), to = At;
        DateTime inWindow = At.AddHours(-2);
        AuditEntry Failed(int i, string action) => new($"e{i}", "acme", "c", action, "B", "automation", "d", inWindow, Outcome: i % 2 == 0 ? "failed" : "send_unknown");
        TicketFact Ticket(int i, string keyword, DateTime opened) => new($"t{i}", TicketPriority.P2, "open", opened, null, null, [keyword]);
        DraftFact Decided(int i, DraftStatus status) => new($"d{i}", MessageChannel.Email, DraftKind.Reply, status, DealStage.Qualified, inWindow.AddHours(-1), DecidedAt: inWindow);
        var facts = new ReportFacts(
            [Decided(1, DraftStatus.Rejected), Decided(2, DraftStatus.Rejected), Decided(3, DraftStatus.Approved), Decided(4, DraftStatus.Sent), Decided(5, DraftStatus.Approved)],
            [Ticket(1, "invoice", inWindow), Ticket(2, "Invoice", inWindow), Ticket(3, "invoice", inWindow), Ticket(4, "login", inWindow), Ticket(5, "login", inWindow),
                Ticket(6, "export", inWindow), Ticket(7, "export", from.AddHours(-1))], // the second export ticket is before the window
            [],
            [Failed(1, "send"), Failed(2, "send"), Failed(3, "send"), Failed(4, "crm_upsert"), Failed(5, "calendar_insert") with { At = from.AddMinutes(-1) }],
            [new IncidentFact("inc-1", IncidentSeverity.SEV1, "detect", inWindow, null, false), new IncidentFact("inc-2", IncidentSeverity.SEV3, "detect", inWindow, null, false)],
            [],
            []);

        IReadOnlyList<ProductFinding> found = ProductRules.Findings(facts, from, to);

        // critical: 1x4x3/8 = 1.5; send failures: 3x2x2/4 = 3; crm: 1x2x2/4 = 1; invoice: 3x1x2/16 = 0.38 (P1, 3 tickets);
        // login: 2x1x2/16 = 0.25; friction 2 of 5 rejected (40 %): 2x1x1/6 = 0.33. Top 5 drops login.
        Assert.Equal(
        [
            ("bug", "failure-send", 3m, "minor_fix", "P2", "ai-generated"),
            ("critical_bug", "incident-inc-1", 1.5m, "critical_bug", "P0", "ai-suggested"),
            ("bug", "failure-crm_upsert", 1m, "minor_fix", "P2", "ai-generated"),
            ("feature_request", "tickets-invoice", 0.38m, "high_priority_feature", "P1", "ai-suggested"),
            ("ux_friction", "approval-rejections", 0.33m, "minor_fix", "P2", "ai-generated"),
        ], found.Select(f => (f.Category, f.Key, f.Score, f.Action, f.Priority, f.Label)));
        Assert.Equal("3 failed send actions", found[0].Title);
    }

    [Theory]
    [InlineData("timer:product-loop-daily-digest:20261206", "20261206")]
    [InlineData("request:marketing:20261206", "20261206")]
    [InlineData("api", null)]
    [InlineData("timer:x:", null)]
    [InlineData("timer:x:2026-12-06", null)]
    public void LoopKeys_PeriodFromTrigger(string trigger, string? period) => Assert.Equal(period, LoopKeys.Period(trigger));
}
