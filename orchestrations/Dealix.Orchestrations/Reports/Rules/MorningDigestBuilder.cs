using System.Globalization;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.OperationsLoop.Rules;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="MorningDigest"/> (§17.4 check 5) from a tenant's facts over a window, as of <c>now</c>. The
/// action items are ranked: open SEV1/SEV2 incidents, open P0 tickets, open tickets past their SLA, overdue approvals,
/// high-risk customers, overdue tasks, then the approval queue; the first three with a count are kept. Revenue (the
/// window's days) and the 7-day uptime come from the operations metrics store and read <c>not measured</c> without a
/// figure. Pure.
/// </summary>
public static class MorningDigestBuilder
{
    /// <summary>How many action items the digest carries (§17.4: "top 3 priorities").</summary>
    public const int MaxActionItems = 3;

    /// <summary>Builds the digest.</summary>
    public static MorningDigest Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        int won = ReportCounts.Lines(facts, window, "stage_transition").Count(e => e.Outcome == "applied" && e.To == "closed_won");
        int newLeads = facts.Ledger.Where(e => e.Target.StartsWith("deal:", StringComparison.Ordinal))
            .GroupBy(e => e.Target, StringComparer.Ordinal)
            .Count(g => window.In(g.Min(e => e.At)));
        int newCustomers = facts.Customers.Count(c => window.In(c.StartedAt.UtcDateTime));
        int atRisk = facts.Customers.Count(c => c.Risk is RiskSeverity.Medium or RiskSeverity.High);

        IncidentFact[] open = [.. facts.Incidents.Where(i => i.IsOpen)];
        var openBySeverity = ReportCounts.By(open.Select(i => i.Severity.ToString()));
        bool frozen = open.Any(i => i.Frozen);
        string status = frozen || open.Any(i => i.Severity is IncidentSeverity.SEV1 or IncidentSeverity.SEV2) ? "red" : open.Length > 0 ? "amber" : "green";
        var health = new SystemHealth(status, openBySeverity, facts.Incidents.Count(i => window.In(i.DetectedAt)), frozen);

        int breachedOpen = facts.SlaLog.Select(events => SlaBreachClassifier.Classify(events, now)).Count(b => b is { IsOpen: true, IsBreached: true });
        DraftFact[] pending = [.. facts.Drafts.Where(d => d.Status == DraftStatus.PendingApproval)];
        (string Code, int Count, string Text, string TextAr)[] candidates =
        [
            ("open_major_incidents", open.Count(i => i.Severity is IncidentSeverity.SEV1 or IncidentSeverity.SEV2), "open SEV1/SEV2 incidents: lead the response", "حوادث مفتوحة بدرجة SEV1/SEV2: قيادة الاستجابة"),
            ("open_p0_tickets", facts.Tickets.Count(t => t.Status == "open" && t.Priority == TicketPriority.P0), "open P0 tickets: founder follow-up", "تذاكر P0 مفتوحة: متابعة المؤسس"),
            ("breached_tickets", breachedOpen, "open tickets past their SLA", "تذاكر مفتوحة تجاوزت مستوى الخدمة"),
            ("overdue_approvals", pending.Count(d => d.ExpiresAt is { } due && due <= now), "approvals past their deadline", "موافقات تجاوزت موعدها"),
            ("high_risk_customers", facts.Customers.Count(c => c.Risk == RiskSeverity.High), "high-risk customers: personal outreach", "عملاء بخطر مرتفع: تواصل شخصي"),
            ("overdue_tasks", facts.FollowUps.Count(f => f.Source == "task" && f.DueAt.UtcDateTime <= now), "overdue tasks", "مهام متأخرة"),
            ("pending_approvals", pending.Length, "drafts waiting for approval", "مسودات بانتظار الاعتماد"),
        ];
        ActionItem[] items = [.. candidates.Where(c => c.Count > 0).Take(MaxActionItems)
            .Select(c => new ActionItem(c.Code, c.Count, $"{c.Count} {c.Text}", $"{c.Count} {c.TextAr}"))];
        return new MorningDigest(won, newLeads, newCustomers, atRisk, health, items, Revenue(facts, window), Uptime(facts, window));
    }

    /// <summary>Revenue over the window's AST days, from the operations metrics store.</summary>
    public static DigestFigure Revenue(ReportFacts facts, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        (DateOnly from, DateOnly to) = (AstDay(window.Start), AstDay(window.End));
        (decimal? sum, int days) = OperationsFigures.Sum(facts.OperationsMetrics, OperationsMetrics.RevenueSar, from, to);
        return Figure("revenue_sar", sum, "SAR", days, to.DayNumber - from.DayNumber);
    }

    /// <summary>The 7-day uptime before the run day, from the operations metrics store.</summary>
    public static DigestFigure Uptime(ReportFacts facts, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        (decimal? pct, int days) = OperationsFigures.Uptime7d(facts.OperationsMetrics, window.RunDay);
        return Figure("uptime_7d_pct", pct, "%", days, OperationsFigures.WindowDays);
    }

    private static DigestFigure Figure(string field, decimal? amount, string unit, int measured, int days) =>
        new(field, amount, amount is { } a ? a.ToString("0.###", CultureInfo.InvariantCulture) : NotMeasured.Text, unit, measured, days);

    private static DateOnly AstDay(DateTime utc) => DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(3));

    private static string Show(DigestFigure? figure, string notMeasured) =>
        figure is { Amount: not null } f ? $"{f.Value} {f.Unit}" : notMeasured;

    /// <summary>The alert lines and severity: critical when health is red, warning with any action item, else info.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(MorningDigest digest, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(window);
        string severity = digest.Health.Status == "red" ? "critical" : digest.ActionItems.Count > 0 ? "warning" : "info";
        var lines = new List<string>
        {
            $"Window: {window.Label}",
            $"Revenue: {Show(digest.Revenue, NotMeasured.Text)}; deals won: {digest.DealsWon}; new leads: {digest.NewLeads}; new customers: {digest.NewCustomers} | الإيراد: {Show(digest.Revenue, "غير مقاس")}، صفقات مكسوبة: {digest.DealsWon}، عملاء محتملون جدد: {digest.NewLeads}",
            $"At-risk customers: {digest.AtRiskCustomers} | عملاء معرضون للخطر: {digest.AtRiskCustomers}",
            $"System health: {digest.Health.Status}; uptime (7 days): {Show(digest.Uptime, NotMeasured.Text)} | صحة النظام: {digest.Health.Status}، التوفر (7 أيام): {Show(digest.Uptime, "غير مقاس")}",
        };
        lines.AddRange(digest.ActionItems.Select((a, i) => $"{i + 1}. {a.Text} | {a.TextAr}"));
        return (severity, lines);
    }
}
