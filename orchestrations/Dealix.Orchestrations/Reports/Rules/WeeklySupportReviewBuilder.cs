using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="WeeklySupportReview"/> (§11.4, §12) from a tenant's facts over the week, as of <c>now</c>: the
/// tickets opened in the window are classified with <see cref="SlaBreachClassifier"/> and aggregated with
/// <see cref="SlaHealthReporter"/> (breach rate and verdict of §12.3) over exactly that window. Pure.
/// </summary>
public static class WeeklySupportReviewBuilder
{
    private static readonly string[] Statuses = ["met", "pending", "at_risk", "breached"];

    /// <summary>Builds the review.</summary>
    public static WeeklySupportReview Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        IReadOnlyList<SlaEvent>[] week = [.. facts.SlaLog.Where(events => events.Count > 0 && window.In(events[0].OccurredAt))];
        SlaBreach[] classified = [.. week.Select(events => SlaBreachClassifier.Classify(events, now)).OfType<SlaBreach>().OrderBy(b => b.TicketId, StringComparer.Ordinal)];
        SlaHealthReport health = SlaHealthReporter.Build(week, now, now - window.Start);

        TicketFact[] opened = [.. facts.Tickets.Where(t => window.In(t.OpenedAt))];
        RepeatedIssue[] repeated = [.. opened.SelectMany(t => t.MatchedKeywords.Distinct(StringComparer.Ordinal))
            .GroupBy(k => k, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(5)
            .Select(g => new RepeatedIssue(g.Key, g.Count()))];

        return new WeeklySupportReview(
            ReportCounts.ByPriority(opened.Select(t => t.Priority)),
            ReportCounts.ByPriority(facts.Tickets.Where(t => window.In(t.ResolvedAt)).Select(t => t.Priority)),
            ReportCounts.ByPriority(classified.Where(b => b.IsBreached).Select(b => b.Priority)),
            StatusCounts(classified.Select(b => b.FirstResponse)),
            StatusCounts(classified.Select(b => b.Resolution)),
            [.. classified.Where(b => b.IsBreached).Select(b => new BreachItem(b.TicketId, b.Priority.ToString(),
                b.FirstResponse == SlaTargetStatus.Breached, b.Resolution == SlaTargetStatus.Breached, b.IsOpen))],
            health.BreachRate,
            Wire(health.Verdict),
            health.MedianFirstResponse?.TotalMinutes,
            repeated,
            ReportCounts.ByPriority(facts.Tickets.Where(t => t.Status == "open").Select(t => t.Priority)));
    }

    /// <summary>The alert lines and severity: the verdict's (critical → critical, watch → warning, healthy → info).</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(WeeklySupportReview review, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(window);
        string severity = review.Verdict switch { "critical" => "critical", "watch" => "warning", _ => "info" };
        string Line(IReadOnlyDictionary<string, int> d) => string.Join(", ", d.Select(p => $"{p.Key} {p.Value}"));
        return (severity,
        [
            $"Week: {window.Label}",
            $"Opened: {Line(review.Opened)} | التذاكر الجديدة: {review.Opened.Values.Sum()}",
            $"Closed: {Line(review.Closed)} | التذاكر المغلقة: {review.Closed.Values.Sum()}",
            $"SLA breaches: {review.Breaches.Count} (rate {review.BreachRate:P0}) | تجاوزات مستوى الخدمة: {review.Breaches.Count}",
            $"Verdict: {review.Verdict} | الحكم: {review.Verdict}",
        ]);
    }

    private static Dictionary<string, int> StatusCounts(IEnumerable<SlaTargetStatus> statuses)
    {
        var counts = Statuses.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        foreach (SlaTargetStatus s in statuses)
        {
            counts[Wire(s)]++;
        }

        return counts;
    }

    private static string Wire<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
