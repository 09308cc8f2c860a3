using System.Globalization;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="FounderAutoActionReview"/> (§17.7) over the week: the week's auto-actions
/// (<see cref="AutoActions.IsAutoAction"/>), reverted when a <c>revert</c> line before the window's end names them. The
/// review rule (project choice; the CPA at the time of an action is not stored, only each campaign's current 7-day
/// figures): an action still needs review when the condition that triggered it (§17.3) no longer holds on the
/// campaign's current figures — a budget raise (needs CPA under 0.7 × target with more than 10 conversions) whose CPA is
/// now at or over 0.7 × target or whose conversions are 10 or fewer, paused ads (CPA over 3 × target) whose CPA is now
/// at or under 3 × target — or when the campaign is gone. The revert route can undo a raise while the budget is still
/// its <c>to</c>, and paused ads while they are still paused. Pure.
/// </summary>
public static class FounderAutoActionReviewBuilder
{
    public const string ReviewRuleText =
        "needs_review when the condition that triggered the action no longer holds on the campaign's current 7-day figures: a budget raise whose CPA is now >= 0.7 x target "
        + "or with <= 10 conversions; paused ads whose CPA is now <= 3 x target; or the campaign is gone. Budget raises are listed first.";

    /// <summary>Builds the report.</summary>
    public static FounderAutoActionReview Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        var revertedBy = facts.Ledger.Where(e => e.Action == AutoActions.Revert && e.RevertsAuditId is not null && e.At < window.End)
            .GroupBy(e => e.RevertsAuditId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().EntryId, StringComparer.Ordinal);
        var campaigns = facts.Campaigns.ToDictionary(c => c.CampaignId, StringComparer.Ordinal);
        AutoActionReviewItem[] items = [.. facts.Ledger.Where(e => e.At >= window.Start && e.At < window.End && AutoActions.IsAutoAction(e))
            .OrderBy(e => e.At).ThenBy(e => e.EntryId, StringComparer.Ordinal)
            .Select(e => Item(e, revertedBy.GetValueOrDefault(e.EntryId), campaigns.GetValueOrDefault(e.Target)))];
        AutoActionCount[] counts = [.. items.GroupBy(i => (i.Loop, i.Action))
            .OrderBy(g => g.Key.Loop, StringComparer.Ordinal).ThenBy(g => g.Key.Action, StringComparer.Ordinal)
            .Select(g => new AutoActionCount(g.Key.Loop, g.Key.Action, g.Count(), g.Count(i => i.Reverted)))];
        AutoActionReviewItem[] first = [.. items.Where(i => i.Verdict == "needs_review")
            .OrderBy(i => i.Action == MarketingRules.IncreaseBudget ? 0 : 1).ThenBy(i => i.At).ThenBy(i => i.AuditId, StringComparer.Ordinal)];
        int autoReplies = facts.Ledger.Count(e => e.At >= window.Start && e.At < window.End && e.Action == "send" && e.AutoApproved && e.Outcome == "sent");
        return new FounderAutoActionReview(items.Length, items.Count(i => i.Reverted), items.Count(i => i.Verdict == "still_justified"), first.Length,
            items.Count(i => i.Verdict == "not_judged"), counts, first, items, autoReplies, ReviewRuleText,
            [new NotMeasured("cpa_at_action_time", "The ledger keeps an action's from/to and reason, not the campaign's CPA at that time: actions are judged on the current 7-day figures.")]);
    }

    /// <summary>The alert lines (English | Arabic) and severity: warning when an action needs review, else info.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(FounderAutoActionReview report, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(window);
        var lines = new List<string>
        {
            $"Week: {window.Label}",
            string.Create(CultureInfo.InvariantCulture,
                $"Auto-actions: {report.AutoActions} ({report.Reverted} reverted, {report.StillJustified} still justified, {report.NeedsReview} need review) | الإجراءات التلقائية: {report.AutoActions} (أُلغي {report.Reverted}، سليمة {report.StillJustified}، تحتاج مراجعة {report.NeedsReview})"),
        };
        lines.AddRange(report.ByLoopAndAction.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Loop}/{c.Action}: {c.Count} ({c.Reverted} reverted)")));
        lines.AddRange(report.ReviewFirst.Take(3).Select(i =>
            $"Review first: {i.Action} on {i.Target}{Amounts(i)} — {i.ReviewReason}{(i.RevertRoute is { } route ? $" — revert: POST {route}" : $" — {i.RevertBlocked}")} | راجِع أولًا: {i.Target}"));
        if (report.AutoActions == 0)
        {
            lines.Add("No auto-actions this week. | لا توجد إجراءات تلقائية هذا الأسبوع.");
        }

        return (report.NeedsReview > 0 ? "warning" : "info", lines);
    }

    private static AutoActionReviewItem Item(AuditEntry e, string? revertedBy, Campaign? campaign)
    {
        decimal? from = AutoActions.Amount(e.From), to = AutoActions.Amount(e.To);
        string loop = AutoActions.Loop(e) ?? "other";
        (string verdict, string? why) = revertedBy is not null ? ("reverted", null) : Judge(e.Action, campaign, e.Target);
        string? blocked = revertedBy is not null ? "reverted already"
            : AutoActions.WhyNot(e, new HashSet<string>(StringComparer.Ordinal)) is not null ? "the app cannot undo this action"
            : campaign is null ? $"campaign {e.Target} is gone"
            : e.Action == MarketingRules.PauseFailingAds ? (campaign.AdsPaused ? null : "the ads run again already")
            : campaign.Budget != to ? string.Create(CultureInfo.InvariantCulture, $"the budget is now {campaign.Budget:0.##} SAR, not {to:0.##}: it changed since")
            : null;
        return new AutoActionReviewItem(e.EntryId, e.At, loop, e.Action, e.Target, from, to, e.Reason, revertedBy is not null, revertedBy, verdict, why,
            blocked is null ? AutoActions.RevertRoute(e.EntryId) : null, blocked);
    }

    private static (string Verdict, string? Why) Judge(string action, Campaign? campaign, string target)
    {
        if (action is not (MarketingRules.IncreaseBudget or MarketingRules.PauseFailingAds))
        {
            return ("not_judged", null);
        }

        if (campaign is null)
        {
            return ("needs_review", $"campaign {target} is gone");
        }

        string cpa = MarketingRules.Sar(campaign.Cpa7d);
        if (action == MarketingRules.IncreaseBudget)
        {
            decimal limit = 0.7m * campaign.TargetCpa;
            return campaign.Cpa7d >= limit || campaign.Conversions7d <= 10
                ? ("needs_review", $"CPA 7d now {cpa} vs 0.7 × target {MarketingRules.Sar(limit)}, {campaign.Conversions7d} conversions: the raise's condition no longer holds")
                : ("still_justified", $"CPA 7d {cpa} < 0.7 × target {MarketingRules.Sar(limit)}, {campaign.Conversions7d} conversions");
        }

        decimal failing = 3 * campaign.TargetCpa;
        return campaign.Cpa7d <= failing
            ? ("needs_review", $"CPA 7d now {cpa} <= 3 × target {MarketingRules.Sar(failing)}: no longer failing, consider running the ads again")
            : ("still_justified", $"CPA 7d {cpa} > 3 × target {MarketingRules.Sar(failing)}");
    }

    private static string Amounts(AutoActionReviewItem i) =>
        i is { From: { } from, To: { } to } ? $" ({MarketingRules.Sar(from)} → {MarketingRules.Sar(to)} SAR)" : string.Empty;
}
