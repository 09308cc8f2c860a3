using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;

namespace Dealix.Orchestrations.Tests.SelfImprovement;

/// <summary>
/// The founder auto-action review pack (§17.7) on a hand-made week: which lines count, reverted ones, the review rule on
/// the campaigns' current figures, what blocks a revert, the order of "review first", and the exact summary; and the
/// revert rules (<see cref="AutoActions"/>).
/// </summary>
public sealed class FounderAutoActionReviewTests
{
    private static readonly ReportKind Kind = ReportKinds.Find(ReportKinds.FounderAutoActionReview)!;

    private static DateTime Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static AuditEntry Raise(string id, string campaign, DateTime at, string from, string to) =>
        new(id, "acme", "c-" + id, MarketingRules.IncreaseBudget, "B", "automation", campaign, at, From: from, To: to, Reason: "Strong CPA 30, scaling up",
            AutoApproved: true, Outcome: "applied");

    private static AuditEntry Pause(string id, string campaign, DateTime at) =>
        new(id, "acme", "c-" + id, MarketingRules.PauseFailingAds, "B", "automation", campaign, at, Reason: "CPA 200 > 3 × target 50", AutoApproved: true, Outcome: "applied");

    private static Campaign Campaign(string id, decimal budget, decimal target, decimal cpa, int conversions, bool adsPaused = false) =>
        new("acme", id, id, budget, target, cpa, conversions, true, adsPaused, Utc(12, 1, 0));

    [Fact]
    public void Window_Week49_IsFridayToThursdayBeforeFriday()
    {
        ReportWindow window = ReportWindows.For(Kind, "2026W49")!;

        Assert.Equal((Utc(11, 26, 21), Utc(12, 3, 21), new DateOnly(2026, 12, 4)), (window.Start, window.End, window.RunDay));
        Assert.Equal("Fri 2026-11-27 – Thu 2026-12-03 (AST)", window.Label);
        Assert.Equal((Kind, "2026W49"), ReportTrigger.Parse("timer:founder-auto-action-review:2026W49")!.Value);
    }

    [Fact]
    public void Build_Week49_CountsJudgesAndOrdersExactly()
    {
        // Window: Fri 11-27 00:00 AST (11-26 21:00Z) to Fri 12-04 00:00 AST (12-03 21:00Z).
        ReportWindow window = ReportWindows.For(Kind, "2026W49")!;
        AuditEntry[] ledger =
        [
            Raise("a0", "old", Utc(11, 26, 20), "100", "130"),                         // before the window
            Raise("a1", "good", Utc(11, 28, 5), "1000", "1300"),                       // still justified, revertible
            Raise("a2", "worse", Utc(11, 29, 5), "500", "650"),                        // CPA now 40 >= 0.7 x 50: needs review
            Raise("a3", "moved", Utc(11, 27, 5), "200", "260"),                        // needs review (9 conversions); budget moved since
            Pause("a4", "bad", Utc(11, 30, 5)),                                        // still failing
            Pause("a5", "mended", Utc(12, 1, 5)),                                      // CPA now 120 <= 150: needs review
            Raise("a6", "reverted", Utc(12, 2, 5), "800", "1040"),                     // reverted on 12-03
            new("r6", "acme", "c-r6", AutoActions.Revert, "B", "founder-1", "reverted", Utc(12, 3, 8), From: "1040", To: "800", Reason: "spike",
                Outcome: "applied", RevertsAuditId: "a6"),
            new("a7", "acme", "c-a7", MarketingRules.ReduceBudget, "B", "founder-1", "good", Utc(12, 1, 9), From: "1300", To: "1040", ApprovalId: "mar-x",
                Outcome: "applied"),                                                    // approved, not an auto-action
            new("a8", "acme", "c-a8", MarketingRules.IncreaseBudget, "B", "automation", "gone", Utc(12, 2, 6), From: "10", To: "13", AutoApproved: true,
                Outcome: "stale"),                                                     // not applied
            new("s1", "acme", "c-s1", "send", "B", "automation", "deal:acme:x", Utc(12, 2, 7), Channel: "whatsapp", AutoApproved: true, Outcome: "sent"),
            new("s2", "acme", "c-s2", "send", "B", "op-1", "deal:acme:y", Utc(12, 2, 8), Channel: "email", Outcome: "sent"),
            Raise("a9", "good", Utc(12, 3, 22), "1300", "1690"),                       // after the window
        ];
        ReportFacts facts = ReportFacts.Empty with
        {
            Ledger = ledger,
            Campaigns =
            [
                Campaign("good", 1300, 50, 30, 20),
                Campaign("worse", 650, 50, 40, 20),
                Campaign("moved", 300, 50, 20, 9),
                Campaign("bad", 900, 50, 200, 2, adsPaused: true),
                Campaign("mended", 900, 50, 120, 4, adsPaused: true),
                Campaign("reverted", 800, 50, 20, 30),
            ],
        };

        FounderAutoActionReview review = FounderAutoActionReviewBuilder.Build(facts, window, Utc(12, 4, 5));

        Assert.Equal((6, 1, 2, 3, 0, 1), (review.AutoActions, review.Reverted, review.StillJustified, review.NeedsReview, review.NotJudged, review.AutoRepliesSent));
        Assert.Equal(["a3", "a1", "a2", "a4", "a5", "a6"], review.Actions.Select(a => a.AuditId));
        Assert.Equal([new AutoActionCount("marketing", "increase_budget", 4, 1), new AutoActionCount("marketing", "pause_failing_ads", 2, 0)], review.ByLoopAndAction);

        // Budget raises first, then by time.
        Assert.Equal(["a3", "a2", "a5"], review.ReviewFirst.Select(a => a.AuditId));
        AutoActionReviewItem moved = review.ReviewFirst[0];
        Assert.Equal(("needs_review", "CPA 7d now 20 vs 0.7 × target 35, 9 conversions: the raise's condition no longer holds", (string?)null,
            "the budget is now 300 SAR, not 260: it changed since"), (moved.Verdict, moved.ReviewReason, moved.RevertRoute, moved.RevertBlocked));
        AutoActionReviewItem worse = review.ReviewFirst[1];
        Assert.Equal((500m, 650m, "/api/v1/audit/entries/a2/revert", (string?)null), (worse.From!.Value, worse.To!.Value, worse.RevertRoute, worse.RevertBlocked));
        Assert.Equal("CPA 7d now 120 <= 3 × target 150: no longer failing, consider running the ads again", review.ReviewFirst[2].ReviewReason);

        AutoActionReviewItem good = review.Actions.Single(a => a.AuditId == "a1");
        Assert.Equal(("still_justified", "/api/v1/audit/entries/a1/revert"), (good.Verdict, good.RevertRoute));
        AutoActionReviewItem reverted = review.Actions.Single(a => a.AuditId == "a6");
        Assert.Equal((true, "r6", "reverted", (string?)null, "reverted already"), (reverted.Reverted, reverted.RevertedBy, reverted.Verdict, reverted.RevertRoute, reverted.RevertBlocked));
        Assert.Equal("cpa_at_action_time", Assert.Single(review.NotMeasured).Field);

        (string severity, IReadOnlyList<string> summary) = FounderAutoActionReviewBuilder.Summarise(review, window);
        Assert.Equal("warning", severity);
        Assert.Equal(
        [
            "Week: Fri 2026-11-27 – Thu 2026-12-03 (AST)",
            "Auto-actions: 6 (1 reverted, 2 still justified, 3 need review) | الإجراءات التلقائية: 6 (أُلغي 1، سليمة 2، تحتاج مراجعة 3)",
            "marketing/increase_budget: 4 (1 reverted)",
            "marketing/pause_failing_ads: 2 (0 reverted)",
            "Review first: increase_budget on moved (200 → 260 SAR) — CPA 7d now 20 vs 0.7 × target 35, 9 conversions: the raise's condition no longer holds — the budget is now 300 SAR, not 260: it changed since | راجِع أولًا: moved",
            "Review first: increase_budget on worse (500 → 650 SAR) — CPA 7d now 40 vs 0.7 × target 35, 20 conversions: the raise's condition no longer holds — revert: POST /api/v1/audit/entries/a2/revert | راجِع أولًا: worse",
            "Review first: pause_failing_ads on mended — CPA 7d now 120 <= 3 × target 150: no longer failing, consider running the ads again — revert: POST /api/v1/audit/entries/a5/revert | راجِع أولًا: mended",
        ], summary);
    }

    [Fact]
    public void Build_EmptyWeek_IsInfoWithZeroCountsNotMissingFigures()
    {
        ReportWindow window = ReportWindows.For(Kind, "2026W50")!;
        FounderAutoActionReview review = FounderAutoActionReviewBuilder.Build(ReportFacts.Empty, window, Utc(12, 11, 5));

        Assert.Equal((0, 0, 0), (review.AutoActions, review.NeedsReview, review.ByLoopAndAction.Count));
        (string severity, IReadOnlyList<string> summary) = FounderAutoActionReviewBuilder.Summarise(review, window);
        Assert.Equal(("info", "No auto-actions this week. | لا توجد إجراءات تلقائية هذا الأسبوع."), (severity, summary[^1]));
    }

    [Fact]
    public void Revert_OnlyAppliedLoopChanges_Once_AndTheUndoPassesTheGuardAsApproved()
    {
        AuditEntry raise = Raise("a1", "good", Utc(12, 1, 5), "1000", "1300");
        AuditEntry approvedCut = new("a2", "acme", "c", MarketingRules.ReduceBudget, "B", "founder-1", "good", Utc(12, 1, 6), From: "1300", To: "1040",
            ApprovalId: "mar-x", Outcome: "applied");
        AuditEntry send = new("s1", "acme", "c", "send", "B", "automation", "deal:acme:x", Utc(12, 1, 7), AutoApproved: true, Outcome: "sent");
        AuditEntry stale = raise with { EntryId = "a3", Outcome = "stale" };
        AuditEntry revert = new("r1", "acme", "c", AutoActions.Revert, "B", "founder-1", "good", Utc(12, 2, 5), Outcome: "applied", RevertsAuditId: "a1");
        IReadOnlySet<string> reverted = AutoActions.RevertedIds([raise, approvedCut, send, stale, revert]);

        Assert.Equal(["a1"], reverted);
        Assert.Equal("already_reverted", AutoActions.WhyNot(raise, reverted));
        Assert.Null(AutoActions.WhyNot(approvedCut, reverted));
        Assert.Equal(["not_revertible", "not_revertible", "not_revertible"], new[] { send, stale, revert }.Select(e => AutoActions.WhyNot(e, reverted)));
        Assert.False(AutoActions.IsAutoAction(revert));

        AutomatedAction undo = AutoActions.Undo(raise, "c-rev", "founder-1");
        Assert.Equal((MarketingRules.ReduceBudget, 1300m, 1000m), (undo.Action, undo.From!.Value, undo.To!.Value));
        Assert.True(LoopGuard.Check(undo).IsAllowed);
        Assert.Equal("resume_ads", AutoActions.Undo(Pause("a4", "bad", Utc(12, 1, 5)), "c-rev", "founder-1").Action);
        Assert.Equal(RedLines.MissingCorrelationId, LoopGuard.Check(AutoActions.Undo(raise, " ", "founder-1")).Code);
    }
}
