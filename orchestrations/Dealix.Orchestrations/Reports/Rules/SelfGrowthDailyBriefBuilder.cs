using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Rules;
using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="SelfGrowthDailyBrief"/> (§15.1) for the run day, as of <c>now</c>: today's recommended targets
/// are the first-touch drafts created since 00:00 AST of the run day (the 06:30 daily pipeline's) that still wait for
/// approval; the queue is every pending draft; replies are the window's (the day before; Sunday: Thursday–Saturday). Pure.
/// </summary>
public static class SelfGrowthDailyBriefBuilder
{
    /// <summary>The longest target list the brief carries (the pipeline selects at most 50).</summary>
    public const int MaxTargets = 50;

    /// <summary>Builds the brief.</summary>
    public static SelfGrowthDailyBrief Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        DateTime today = ReportWindows.StartOfDay(window.RunDay);
        DraftFact[] pending = [.. facts.Drafts.Where(d => d.Status == DraftStatus.PendingApproval)];
        TargetItem[] targets = [.. pending.Where(d => d.Kind == DraftKind.FirstTouch && d.CreatedAt >= today && d.CreatedAt <= now)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.DraftId, StringComparer.Ordinal)
            .Take(MaxTargets)
            .Select(d => new TargetItem(d.DraftId, Wire(d.Channel), d.CreatedAt))];
        return new SelfGrowthDailyBrief(OutreachRules.Sectors, targets, ReportCounts.By(pending.Select(d => Wire(d.Kind))),
            ReportCounts.By(ReportCounts.Lines(facts, window, "classify").Select(e => e.Outcome ?? "unknown")), SelfGrowthReminders.All);
    }

    /// <summary>The alert lines and severity: info; the reminders always close it.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(SelfGrowthDailyBrief brief, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(window);
        var lines = new List<string>
        {
            $"Replies: {window.Label}",
            $"Recommended targets today: {brief.RecommendedTargets.Count} | أهداف اليوم: {brief.RecommendedTargets.Count}",
            $"Awaiting approval: {brief.AwaitingApproval.Values.Sum()} | بانتظار الاعتماد: {brief.AwaitingApproval.Values.Sum()}",
            $"Replies: {brief.RepliesByCategory.Values.Sum()} | الردود: {brief.RepliesByCategory.Values.Sum()}",
        };
        lines.AddRange(brief.Reminders.Select(r => $"{r.Text} | {r.TextAr}"));
        return ("info", lines);
    }

    private static string Wire<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
