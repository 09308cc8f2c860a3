using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="ExecutiveWeeklyPack"/> (§16.3) from a tenant's facts over the week, as of <c>now</c>.
/// <para>RAG (§16.3, on what is measured; targets are not stored, so the actual-vs-target parts cannot apply):
/// <c>red</c> with an open SEV1/SEV2 or SLA verdict <c>critical</c>; else <c>amber</c> with SLA verdict <c>watch</c> or
/// any approval-SLA <c>breach</c>; else <c>green</c>.</para>
/// <para>Blockers: open SEV1/SEV2 incidents, a freeze, open P0 tickets, approvals in SLA breach, open tickets past
/// their SLA. Risks: high-risk customers, medium-risk customers, approvals in SLA warning, overdue human tasks, Class B
/// calls refused for a missing correlation id, drafts blocked by compliance or the gate. Only lines with a count.</para>
/// Pure.
/// </summary>
public static class ExecutiveWeeklyPackBuilder
{
    private static readonly NotMeasured[] Missing =
    [
        new("actual_vs_target", "no revenue or target figures are stored"),
        new("deals.revenue_sar", "deal values and revenue are not stored; won deals are counted instead"),
        new("deals.pipeline_value_sar", "deal values are not stored; deals per stage are counted instead"),
        new("connector_health", "connector sync state is not kept per tenant for reporting"),
        new("compliance_matrix", "the Saudi compliance matrix and risk heat-map are not stored; ledger compliance blocks stand for posture"),
        new("contradictions", "no contradiction checks run"),
        new("strategic_deals", "deals carry no strategic flag"),
    ];

    /// <summary>Builds the pack.</summary>
    public static ExecutiveWeeklyPack Build(ReportFacts facts, ReportWindow window, DateTime now, string tenant)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        Provenance From(string source, string table, string method) => new(source, $"{table}/{tenant}", now, method);

        // Deals: current stages as of the window's end, the week's moves.
        var deals = LedgerDeals.AsOf(facts.Ledger, window.End);
        AuditEntry[] moves = [.. LedgerDeals.Moves(facts, window)];
        int won = moves.Count(e => e.To == "closed_won"), lost = moves.Count(e => e.To == "closed_lost");
        var dealSection = new ExecDeals(
            ReportCounts.By(deals.Select(d => d.Stage)),
            deals.Count(d => !LedgerDeals.IsClosed(d.Stage)),
            deals.Count(d => window.In(d.FirstSeen)),
            won,
            lost,
            won + lost == 0 ? null : won / (double)(won + lost),
            ReportCounts.By(moves.Select(e => $"{e.From}→{e.To}")),
            NotMeasured.Text,
            NotMeasured.Text,
            From("ledger", "AuditLedger", "last applied stage_transition per deal target (else new_lead); the week's applied transitions"));

        // Approvals: the queue's SLA states now, the week's drafts and decisions.
        DraftFact[] pending = [.. facts.Drafts.Where(d => d.Status == DraftStatus.PendingApproval)];
        string[] states = [.. pending.Select(d => LedgerDeals.ApprovalSlaState(d, now))];
        DailyDigest week = DailyDigestBuilder.Build(facts, window, now);
        var approvals = new ExecApprovals(states.Count(s => s == "pending"), states.Count(s => s == "warning"), states.Count(s => s == "breach"),
            week.Drafts, LedgerDeals.Decisions(facts, window).Edited,
            From("drafts", "Drafts", "pending drafts against the §4.4 approval SLA now; drafts created and decided in the week; edit_and_approve decisions in the ledger"));

        // Support: the week's tickets through the §12.3 reporter.
        IReadOnlyList<SlaEvent>[] weekLog = [.. facts.SlaLog.Where(events => events.Count > 0 && window.In(events[0].OccurredAt))];
        SlaHealthReport health = SlaHealthReporter.Build(weekLog, now, now - window.Start);
        int breachedOpen = facts.SlaLog.Select(events => SlaBreachClassifier.Classify(events, now)).Count(b => b is { IsOpen: true, IsBreached: true });
        string verdict = health.Verdict switch { SlaVerdict.Critical => "critical", SlaVerdict.Watch => "watch", _ => "healthy" };
        int openP0 = facts.Tickets.Count(t => t.Status == "open" && t.Priority == TicketPriority.P0);
        var support = new ExecSupport(week.TicketsOpened.Values.Sum(), week.TicketsResolved.Values.Sum(), health.BreachedTickets,
            facts.Tickets.Count(t => t.Status == "open"), openP0, health.BreachRate, verdict,
            From("sla_log", "SlaLog", "tickets opened in the week classified by the §12.2 rules; verdict and breach rate of §12.3"));

        // Incidents.
        IncidentFact[] open = [.. facts.Incidents.Where(i => i.IsOpen)];
        int major = open.Count(i => i.Severity is IncidentSeverity.SEV1 or IncidentSeverity.SEV2);
        bool frozen = open.Any(i => i.Frozen);
        var incidents = new ExecIncidents(ReportCounts.By(open.Select(i => i.Severity.ToString())), facts.Incidents.Count(i => window.In(i.DetectedAt)),
            facts.Incidents.Count(i => window.In(i.ResolvedAt)), frozen, From("incidents", "Incidents", "open incidents now; detected and resolved in the week"));

        // Customer success.
        CustomerFact[] atRisk = [.. facts.Customers.Where(c => c.Risk is RiskSeverity.Medium or RiskSeverity.High)
            .OrderByDescending(c => c.RiskScore).ThenBy(c => c.CustomerId, StringComparer.Ordinal)];
        int?[] healthScores = [.. facts.Customers.Select(c => c.HealthScore).Where(h => h is not null)];
        var customers = new ExecCustomers(facts.Customers.Count, atRisk.Length, atRisk.Count(c => c.Risk == RiskSeverity.High),
            [.. atRisk.Select(c => c.CustomerId)], healthScores.Length == 0 ? null : Math.Round(healthScores.Average(h => h!.Value), 1),
            From("customer_success", "CsScores", "latest at-risk and health score per customer under a cadence"));

        // Ledger.
        AuditEntry[] lines = [.. facts.Ledger.Where(e => window.In(e.At))];
        int missingCorrelation = lines.Count(e => e.Action == "missing_correlation_id");
        int complianceBlocks = lines.Count(e => e.Action == "draft_blocked") + facts.Drafts.Count(d => d.Status == DraftStatus.BlockedByGate && window.In(d.CreatedAt));
        var ledger = new ExecLedger(lines.Length, lines.Count(e => e.ActionClass == "B"), missingCorrelation, complianceBlocks,
            lines.Count(e => e.Action == "opt_out"), lines.Count(e => e.Action == "evidence_pack"),
            From("ledger", "AuditLedger", "the week's ledger lines by action and class; gate-blocked drafts created in the week"));

        // RAG.
        var reasons = new List<string>();
        if (major > 0)
        {
            reasons.Add("open_sev1_sev2");
        }

        if (verdict == "critical")
        {
            reasons.Add("sla_critical");
        }

        string rag = reasons.Count > 0 ? "red" : "green";
        if (rag == "green")
        {
            if (verdict == "watch")
            {
                reasons.Add("sla_watch");
            }

            if (approvals.Breach > 0)
            {
                reasons.Add("approval_sla_breach");
            }

            rag = reasons.Count > 0 ? "amber" : "green";
        }

        ReportItem[] blockers = Items(
        [
            ("open_major_incidents", major, "open SEV1/SEV2 incidents", "حوادث مفتوحة بدرجة SEV1/SEV2", "incidents"),
            ("tenant_frozen", frozen ? 1 : 0, "sending frozen by an incident", "الإرسال مجمّد بسبب حادثة", "incidents"),
            ("open_p0_tickets", openP0, "open P0 tickets", "تذاكر P0 مفتوحة", "tickets"),
            ("approvals_in_breach", approvals.Breach, "approvals past their SLA", "موافقات تجاوزت مستوى الخدمة", "drafts"),
            ("breached_tickets", breachedOpen, "open tickets past their SLA", "تذاكر مفتوحة تجاوزت مستوى الخدمة", "sla_log"),
        ]);
        ReportItem[] risks = Items(
        [
            ("high_risk_customers", customers.HighRisk, "high-risk customers", "عملاء بخطر مرتفع", "customer_success"),
            ("medium_risk_customers", customers.AtRisk - customers.HighRisk, "medium-risk customers", "عملاء بخطر متوسط", "customer_success"),
            ("approvals_in_warning", approvals.Warning, "approvals near their SLA", "موافقات تقترب من موعدها", "drafts"),
            ("overdue_tasks", facts.FollowUps.Count(f => f.Source == "task" && f.DueAt.UtcDateTime <= now), "overdue tasks", "مهام متأخرة", "tasks"),
            ("missing_correlation_id", missingCorrelation, "Class B calls refused without a correlation id", "إجراءات من الفئة B رُفضت لغياب معرّف الترابط", "ledger"),
            ("compliance_blocks", complianceBlocks, "drafts blocked by compliance or the content gate", "مسودات أوقفها فحص الامتثال أو بوابة المحتوى", "ledger"),
        ]);

        return new ExecutiveWeeklyPack(rag, reasons, blockers, risks, NotMeasured.Text, dealSection, approvals, support, incidents, customers, ledger, Missing);
    }

    /// <summary>The alert lines and severity: red → critical, amber → warning, green → info.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(ExecutiveWeeklyPack pack, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(window);
        string severity = pack.Rag switch { "red" => "critical", "amber" => "warning", _ => "info" };
        string rate = pack.Deals.WinRate is { } r ? r.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
        var lines = new List<string>
        {
            $"Week: {window.Label}",
            $"RAG: {pack.Rag}{(pack.RagReasons.Count > 0 ? " (" + string.Join(", ", pack.RagReasons) + ")" : string.Empty)} | الحالة: {pack.Rag}",
            $"Deals: {pack.Deals.OpenDeals} open, {pack.Deals.NewDeals} new, {pack.Deals.Won} won, {pack.Deals.Lost} lost (win rate {rate}) | الصفقات: {pack.Deals.OpenDeals} مفتوحة، {pack.Deals.Won} مكسوبة، {pack.Deals.Lost} خاسرة",
            $"Approvals: {pack.Approvals.Pending} pending, {pack.Approvals.Warning} warning, {pack.Approvals.Breach} breach | الموافقات: {pack.Approvals.Breach} متجاوزة",
            $"Support: {pack.Support.Opened} opened, {pack.Support.Breached} breached, verdict {pack.Support.Verdict} | الدعم: {pack.Support.Verdict}",
            $"Customers at risk: {pack.Customers.AtRisk} ({pack.Customers.HighRisk} high) | عملاء معرضون للخطر: {pack.Customers.AtRisk}",
        };
        lines.AddRange(pack.Blockers.Select(b => $"Blocker: {b.Text} | عائق: {b.TextAr}"));
        return (severity, lines);
    }

    private static ReportItem[] Items((string Code, int Count, string Text, string TextAr, string Source)[] candidates) =>
        [.. candidates.Where(c => c.Count > 0).Select(c => new ReportItem(c.Code, c.Count, $"{c.Count} {c.Text}", $"{c.Count} {c.TextAr}", c.Source))];
}
