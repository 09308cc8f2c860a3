using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="PreShiftBriefing"/> (§19.2) for the run day, as of <c>now</c>: pending approvals bucketed by
/// their approval deadline (<c>overdue</c> at or before now, <c>due_1h</c> within the hour, <c>due_today</c> before the
/// AST day ends, <c>later</c> otherwise or without a deadline), medium/high-risk customers, and the open tasks and
/// touchpoints due by the end of the day. Pure.
/// </summary>
public static class PreShiftBriefingBuilder
{
    /// <summary>The longest list the briefing carries per section (counts cover everything).</summary>
    public const int MaxItems = 25;

    private static readonly string[] Urgencies = ["overdue", "due_1h", "due_today", "later"];

    /// <summary>Builds the briefing.</summary>
    public static PreShiftBriefing Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        ApprovalQueueItem[] queue = [.. facts.Drafts.Where(d => d.Status == DraftStatus.PendingApproval)
            .OrderBy(d => d.ExpiresAt ?? DateTime.MaxValue).ThenBy(d => d.DraftId, StringComparer.Ordinal)
            .Select(d => new ApprovalQueueItem(d.DraftId, Wire(d.Channel), Wire(d.Kind), DealStages.WireName(d.Stage), d.ExpiresAt, Urgency(d.ExpiresAt, now, window.End)))];
        var counts = Urgencies.ToDictionary(u => u, u => queue.Count(q => q.Urgency == u), StringComparer.Ordinal);

        AtRiskItem[] atRisk = [.. facts.Customers.Where(c => c.Risk is RiskSeverity.Medium or RiskSeverity.High)
            .OrderByDescending(c => c.RiskScore).ThenBy(c => c.CustomerId, StringComparer.Ordinal)
            .Take(MaxItems)
            .Select(c => new AtRiskItem(c.CustomerId, c.RiskScore ?? 0, c.Risk == RiskSeverity.High ? "high" : "medium", c.HealthScore))];

        FollowUpItem[] followUps = [.. facts.FollowUps.Where(f => f.DueAt.UtcDateTime < window.End)
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id, StringComparer.Ordinal)
            .Take(MaxItems)
            .Select(f => new FollowUpItem(f.Source, f.Id, f.Title, f.OwnerRole, f.DueAt, f.DueAt.UtcDateTime <= now))];
        return new PreShiftBriefing(counts, [.. queue.Take(MaxItems)], atRisk, followUps);
    }

    /// <summary>The alert lines and severity: warning with overdue approvals or high-risk customers, else info.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(PreShiftBriefing briefing, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(window);
        IReadOnlyDictionary<string, int> c = briefing.UrgencyCounts;
        string severity = c["overdue"] > 0 || briefing.AtRisk.Any(a => a.Severity == "high") ? "warning" : "info";
        return (severity,
        [
            $"Shift: {window.Label}",
            $"Approval queue: {c["overdue"]} overdue, {c["due_1h"]} due within 1 h, {c["due_today"]} due today, {c["later"]} later | قائمة الاعتماد: {c["overdue"]} متأخرة، {c["due_1h"]} خلال ساعة، {c["due_today"]} اليوم",
            $"At-risk customers: {briefing.AtRisk.Count} | عملاء معرضون للخطر: {briefing.AtRisk.Count}",
            $"Follow-ups due today: {briefing.FollowUps.Count} ({briefing.FollowUps.Count(f => f.Overdue)} overdue) | متابعات اليوم: {briefing.FollowUps.Count}",
        ]);
    }

    private static string Urgency(DateTime? due, DateTime now, DateTime endOfDay) => due switch
    {
        null => "later",
        { } d when d <= now => "overdue",
        { } d when d <= now.AddHours(1) => "due_1h",
        { } d when d < endOfDay => "due_today",
        _ => "later",
    };

    private static string Wire<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
