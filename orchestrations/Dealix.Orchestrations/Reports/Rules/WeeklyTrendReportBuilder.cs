using System.Globalization;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="WeeklyTrendReport"/> (§17.2) from stored facts: this week is the report's window (the seven AST
/// days before the Friday run), the week before is the seven days before it.
/// <list type="bullet">
/// <item>findings per category: <see cref="ProductRules.Findings"/> over each AST day of each week (what the daily
/// loop classifies and acts on: SEV1/SEV2 incidents, failed ledger actions, recurring ticket keywords, rejections);</item>
/// <item>issues per priority: the engineer tasks the loop opened (P0, P1, and P2 = <c>minor</c>), by creation time;</item>
/// <item>recurring keywords: tickets opened per matched keyword (each ticket once), keywords on two or more tickets in
/// either week;</item>
/// <item>rejection rates: the ledger's <c>draft_decided</c> lines (rejected ÷ decided), and rejections per reason;</item>
/// <item>incidents per severity by detection time;</item>
/// <item>top rising: the rows with the largest increase (ties: section, then item), at most three.</item>
/// </list>
/// Pure.
/// </summary>
public static class WeeklyTrendReportBuilder
{
    private static readonly string[] Categories = ["critical_bug", "bug", "feature_request", "ux_friction"];
    private static readonly string[] Priorities = ["P0", "P1", "minor"];

    /// <summary>Builds the report.</summary>
    public static WeeklyTrendReport Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        ReportWindow previous = Previous(window);

        ProductFinding[] foundNow = Findings(facts, window), foundBefore = Findings(facts, previous);
        TrendRow[] findings = [.. Categories.Select(c => Row(c, foundNow.Count(f => f.Category == c), foundBefore.Count(f => f.Category == c)))];

        string PriorityOf(EngineerTaskFact t) => t.Priority is "P0" or "P1" ? t.Priority : "minor";
        TrendRow[] issues = [.. Priorities.Select(p => Row(p,
            facts.EngineerTasks.Count(t => window.In(t.CreatedAt) && PriorityOf(t) == p),
            facts.EngineerTasks.Count(t => previous.In(t.CreatedAt) && PriorityOf(t) == p)))];

        Dictionary<string, int> thisKeywords = Keywords(facts, window), previousKeywords = Keywords(facts, previous);
        TrendRow[] keywords = [.. thisKeywords.Keys.Union(previousKeywords.Keys, StringComparer.Ordinal)
            .Select(k => Row(k, thisKeywords.GetValueOrDefault(k), previousKeywords.GetValueOrDefault(k)))
            .Where(r => r.ThisWeek >= 2 || r.PreviousWeek >= 2)
            .OrderByDescending(r => r.ThisWeek).ThenBy(r => r.Item, StringComparer.Ordinal)];

        (int approvedNow, _, int rejectedNow, IReadOnlyList<string> reasonsNow) = LedgerDeals.Decisions(facts, window);
        (int approvedBefore, _, int rejectedBefore, IReadOnlyList<string> reasonsBefore) = LedgerDeals.Decisions(facts, previous);
        int decidedNow = approvedNow + rejectedNow, decidedBefore = approvedBefore + rejectedBefore;
        double? rateNow = decidedNow == 0 ? null : Math.Round(rejectedNow / (double)decidedNow, 4);
        double? rateBefore = decidedBefore == 0 ? null : Math.Round(rejectedBefore / (double)decidedBefore, 4);
        string rateChange = rateNow is { } a && rateBefore is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"{(a - b) * 100:+0.0;-0.0;0.0} pp")
            : rateNow is null && rateBefore is null ? "none" : rateBefore is null ? "new" : "gone";
        var rejections = new RejectionTrend(decidedNow, rejectedNow, rateNow, decidedBefore, rejectedBefore, rateBefore, rateChange);
        TrendRow[] reasons = [.. reasonsNow.Union(reasonsBefore, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => Row(r, reasonsNow.Count(x => x == r), reasonsBefore.Count(x => x == r)))];

        TrendRow[] incidents = [.. Enum.GetValues<IncidentSeverity>().Select(s => Row(s.ToString(),
            facts.Incidents.Count(i => i.Severity == s && window.In(i.DetectedAt)), facts.Incidents.Count(i => i.Severity == s && previous.In(i.DetectedAt))))];

        RisingItem[] rising = [.. new[] { ("findings", findings), ("issues", issues), ("keywords", keywords), ("rejection_reasons", reasons), ("incidents", incidents) }
            .SelectMany(s => s.Item2.Select(r => (Section: s.Item1, Row: r)))
            .Where(x => x.Row.ThisWeek > x.Row.PreviousWeek)
            .OrderByDescending(x => x.Row.ThisWeek - x.Row.PreviousWeek).ThenBy(x => x.Section, StringComparer.Ordinal).ThenBy(x => x.Row.Item, StringComparer.Ordinal)
            .Take(3)
            .Select(x => new RisingItem(x.Section, x.Row.Item, x.Row.ThisWeek, x.Row.PreviousWeek, x.Row.Change))];

        return new WeeklyTrendReport(previous.Label, findings, issues, keywords, rejections, reasons, incidents, rising);
    }

    /// <summary>The alert lines and severity: warning when a P0 issue was opened or a SEV1/SEV2 incident detected this week, else info.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(WeeklyTrendReport report, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(window);
        static string Rows(IEnumerable<TrendRow> rows) => string.Join(", ", rows.Select(r => $"{r.Item} {r.ThisWeek} ({r.Change})"));
        bool serious = report.IssuesByPriority.Any(r => r.Item == "P0" && r.ThisWeek > 0)
            || report.Incidents.Any(r => r.Item is "SEV1" or "SEV2" && r.ThisWeek > 0);
        string rate = report.Rejections.RateThisWeek is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "n/a";
        var lines = new List<string>
        {
            $"Week: {window.Label} vs {report.PreviousWeekLabel}",
            $"Findings: {Rows(report.FindingsByCategory)} | النتائج: {report.FindingsByCategory.Sum(r => r.ThisWeek)}",
            $"Issues opened: {Rows(report.IssuesByPriority)} | المشكلات المفتوحة: {report.IssuesByPriority.Sum(r => r.ThisWeek)}",
            $"Rejection rate: {rate} ({report.Rejections.Change}) | نسبة الرفض: {rate}",
            $"Incidents: {Rows(report.Incidents.Where(r => r.ThisWeek > 0 || r.PreviousWeek > 0))} | الحوادث: {report.Incidents.Sum(r => r.ThisWeek)}",
        };
        lines.AddRange(report.TopRising.Select(r => $"Rising: {r.Section} {r.Item} {r.PreviousWeek} → {r.ThisWeek} ({r.Change}) | في ارتفاع: {r.Item}"));
        return (serious ? "warning" : "info", lines);
    }

    /// <summary>The change of <paramref name="now"/> against <paramref name="before"/>, as the report writes it.</summary>
    public static TrendRow Row(string item, int now, int before)
    {
        if (before == 0)
        {
            return new TrendRow(item, now, before, now == 0 ? "none" : "new", null);
        }

        if (now == 0)
        {
            return new TrendRow(item, now, before, "gone", null);
        }

        double percent = Math.Round((now - before) * 100.0 / before, 1, MidpointRounding.AwayFromZero);
        return new TrendRow(item, now, before, string.Create(CultureInfo.InvariantCulture, $"{percent:+0.#;-0.#;0} %"), percent);
    }

    private static ReportWindow Previous(ReportWindow window)
    {
        DateOnly first = DateOnly.FromDateTime(window.Start.AddHours(3)).AddDays(-7);
        DateOnly last = first.AddDays(6);
        return new ReportWindow(window.Start.AddDays(-7), window.Start, window.RunDay.AddDays(-7),
            string.Create(CultureInfo.InvariantCulture, $"{first:ddd yyyy-MM-dd} – {last:ddd yyyy-MM-dd} (AST)"));
    }

    private static ProductFinding[] Findings(ReportFacts facts, ReportWindow week) =>
        [.. Enumerable.Range(0, 7).SelectMany(d => ProductRules.Findings(facts, week.Start.AddDays(d), week.Start.AddDays(d + 1)))];

    private static Dictionary<string, int> Keywords(ReportFacts facts, ReportWindow week) =>
        facts.Tickets.Where(t => week.In(t.OpenedAt))
            .SelectMany(t => t.MatchedKeywords.Select(k => k.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            .GroupBy(k => k, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
