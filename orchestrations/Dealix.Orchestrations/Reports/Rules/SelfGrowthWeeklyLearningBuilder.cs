using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="SelfGrowthWeeklyLearning"/> (§15.1) over the week, as of <c>now</c>:
/// <list type="bullet">
/// <item>reply rate per template: the week's <c>send</c> lines with outcome <c>sent</c>, by the sent draft's category;
/// a send counts as replied when a <c>classify</c> line of the same deal follows it within the week;</item>
/// <item>approval and edit rates and rejection reasons from the week's <c>draft_decided</c> lines;</item>
/// <item>experiments (§4.7 red flags and the weakest template): edit rate over 30 %, rejection rate over 20 %, any
/// <c>prohibited_claim</c> rejection, and the template with the lowest reply rate when two or more were sent.</item>
/// </list>
/// Pure.
/// </summary>
public static class SelfGrowthWeeklyLearningBuilder
{
    /// <summary>Builds the report.</summary>
    public static SelfGrowthWeeklyLearning Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        var categories = facts.Drafts.ToDictionary(d => d.DraftId, d => d.Category ?? Wire(d.Kind), StringComparer.Ordinal);
        AuditEntry[] classified = [.. ReportCounts.Lines(facts, window, "classify")];
        TemplateRate[] rates = [.. ReportCounts.Lines(facts, window, "send").Where(e => e.Outcome == "sent")
            .Select(e => (Template: e.ApprovalId is { } id && categories.TryGetValue(id, out string? c) ? c : "unknown",
                Replied: classified.Any(r => r.Target == e.Target && r.At > e.At)))
            .GroupBy(s => s.Template, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TemplateRate(g.Key, g.Count(), g.Count(s => s.Replied), g.Count(s => s.Replied) / (double)g.Count()))];

        (int approved, int edited, int rejected, IReadOnlyList<string> reasons) = LedgerDeals.Decisions(facts, window);
        int decided = approved + rejected;
        double? approvalRate = decided == 0 ? null : approved / (double)decided;
        double? editRate = decided == 0 ? null : edited / (double)decided;
        double? rejectionRate = decided == 0 ? null : rejected / (double)decided;
        ReasonCount[] top = [.. reasons.GroupBy(r => r, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3)
            .Select(g => new ReasonCount(g.Key, g.Count()))];

        var experiments = new List<ReportItem>();
        if (editRate > 0.30)
        {
            experiments.Add(new("rewrite_most_edited_templates", edited, $"edit rate {editRate:P0} over 30 %: rewrite the most edited templates from the operators' edits",
                $"نسبة التعديل {editRate:P0} فوق 30٪: إعادة كتابة القوالب الأكثر تعديلًا", "ledger"));
        }

        if (rejectionRate > 0.20)
        {
            string reason = top.Length > 0 ? top[0].Reason : "unspecified";
            experiments.Add(new("address_top_rejection", rejected, $"rejection rate {rejectionRate:P0} over 20 %: address '{reason}' in the drafting rules",
                $"نسبة الرفض {rejectionRate:P0} فوق 20٪: معالجة سبب '{reason}'", "ledger"));
        }

        int prohibited = reasons.Count(r => r == "prohibited_claim");
        if (prohibited > 0)
        {
            experiments.Add(new("tighten_claims_gate", prohibited, "prohibited-claim rejections: tighten the content gate", "رفض بسبب ادعاءات محظورة: تشديد بوابة المحتوى", "ledger"));
        }

        if (rates.Where(r => r.Sent >= 2).OrderBy(r => r.ReplyRate).ThenBy(r => r.Template, StringComparer.Ordinal).FirstOrDefault() is { } weakest && rates.Length >= 2)
        {
            experiments.Add(new("ab_test_weakest_template", weakest.Sent, $"A/B test a new variant of '{weakest.Template}' (reply rate {weakest.ReplyRate:P0})",
                $"اختبار A/B لنسخة جديدة من '{weakest.Template}'", "ledger"));
        }

        return new SelfGrowthWeeklyLearning(rates, NotMeasured.Text, decided, approved, edited, rejected, approvalRate, editRate, top, experiments, SelfGrowthReminders.All);
    }

    /// <summary>The alert lines and severity: warning when an experiment answers a §4.7 red flag, else info.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(SelfGrowthWeeklyLearning report, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(window);
        string Rate(double? r) => r is { } v ? v.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
        bool redFlag = report.NextWeekExperiments.Any(e => e.Code != "ab_test_weakest_template");
        var lines = new List<string>
        {
            $"Week: {window.Label}",
            $"Sent: {report.ReplyRatesByTemplate.Sum(r => r.Sent)}, replied: {report.ReplyRatesByTemplate.Sum(r => r.Replied)} | المرسل: {report.ReplyRatesByTemplate.Sum(r => r.Sent)}، الردود: {report.ReplyRatesByTemplate.Sum(r => r.Replied)}",
            $"Decisions: {report.Decided}; approval rate {Rate(report.ApprovalRate)}, edit rate {Rate(report.EditRate)} | القرارات: {report.Decided}",
        };
        lines.AddRange(report.NextWeekExperiments.Select(e => $"Experiment: {e.Text} | تجربة: {e.TextAr}"));
        lines.AddRange(report.Reminders.Select(r => $"{r.Text} | {r.TextAr}"));
        return (redFlag ? "warning" : "info", lines);
    }

    private static string Wire<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
