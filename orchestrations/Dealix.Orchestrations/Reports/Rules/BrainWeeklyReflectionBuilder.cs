using System.Globalization;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Tasks.Rules;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the Brain's weekly reflection (§17.10) from stored facts, as of <c>now</c>: the week is the report's window
/// (the seven AST days before the Sunday run), customer feedback is the 30 days before the window's end (operator
/// feedback §4.7, tickets, classified replies; NPS and CS notes are not stored). Templates over figures, no model: the
/// same facts give the same text. Each section takes the statements whose condition holds, in a fixed order (the
/// priorities in order of urgency, topped up to three with standing ones); the financial state (runway, MRR, burn)
/// is not stored and always reads <c>غير مقاس</c>. The text stays within <see cref="MaxWords"/> words: while longer,
/// the last statement of the longest of the worked / not-worked / risk lists is dropped. Advisory: it decides nothing. Pure.
/// </summary>
public static class BrainWeeklyReflectionBuilder
{
    /// <summary>The §17.10 limit.</summary>
    public const int MaxWords = 400;

    /// <summary>What a figure whose source does not exist reads.</summary>
    public const string NotMeasuredAr = "غير مقاس";

    private const int MaxPerList = 4;
    private static readonly TimeSpan FeedbackSpan = TimeSpan.FromDays(30);
    private static readonly string[] FailureOutcomes = ["failed", "error", "send_unknown"];

    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        ["ledger"] = "سجل العمليات",
        ["drafts"] = "طابور الموافقات",
        ["tickets"] = "التذاكر",
        ["sla_log"] = "سجل مستوى الخدمة",
        ["incidents"] = "الحوادث",
        ["customer_success"] = "نجاح العملاء",
        ["engineer_tasks"] = "مهام حلقة المنتج",
        ["operator_feedback"] = "ملاحظات المشغّلين",
        ["not_stored"] = "غير مخزّن",
    };

    /// <summary>Builds the reflection within the §17.10 limit of <see cref="MaxWords"/> words.</summary>
    public static BrainWeeklyReflection Build(ReportFacts facts, ReportWindow window, DateTime now) => Build(facts, window, now, MaxWords);

    /// <summary>Builds the reflection within <paramref name="maxWords"/> words (the limit is <see cref="MaxWords"/>; a smaller one trims harder).</summary>
    public static BrainWeeklyReflection Build(ReportFacts facts, ReportWindow window, DateTime now, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        DateTime feedbackFrom = window.End - FeedbackSpan;
        BrainFigures f = Figures(facts, window, now, feedbackFrom);

        List<BrainStatement> worked = [.. Worked(f).Take(MaxPerList)];
        List<BrainStatement> notWorked = [.. NotWorked(f).Take(MaxPerList)];
        List<BrainStatement> priorities = [.. Priorities(f).Take(3)];
        List<BrainStatement> risks = [.. Risks(f).Take(MaxPerList)];

        string text = Compose(window, f, worked, notWorked, priorities, risks);
        while (Words(text) > maxWords && new[] { risks, notWorked, worked }.Where(l => l.Count > 1).MaxBy(l => l.Count) is { } longest)
        {
            longest.RemoveAt(longest.Count - 1);
            text = Compose(window, f, worked, notWorked, priorities, risks);
        }

        return new BrainWeeklyReflection(text, Words(text), true, worked, notWorked, priorities, risks, f, feedbackFrom, window.End,
        [
            new("runway", "the financial state is not stored (no finance source in the app)"),
            new("mrr", "monthly recurring revenue is not stored"),
            new("burn_rate", "spending is not stored"),
            new("nps", "NPS scores and comments are not stored"),
            new("cs_notes", "customer-success notes are not stored (only scores and touchpoints)"),
            new("commits_prs", "commits and PRs are not stored; the product loop's issues stand for them"),
        ]);
    }

    /// <summary>The alert: the reflection itself, one line per line; warning when a risk beyond the unmeasured finances stands, else info.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(BrainWeeklyReflection reflection, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(reflection);
        ArgumentNullException.ThrowIfNull(window);
        return (reflection.Risks.Any(r => r.Code != "finance_not_measured") ? "warning" : "info",
            [.. reflection.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
    }

    /// <summary>The words of <paramref name="text"/>: whitespace-separated tokens.</summary>
    public static int Words(string text) => (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static BrainFigures Figures(ReportFacts facts, ReportWindow window, DateTime now, DateTime feedbackFrom)
    {
        (int approved, int edited, int rejected, IReadOnlyList<string> reasons) = LedgerDeals.Decisions(facts, window);
        int decided = approved + rejected;
        AuditEntry[] moves = [.. LedgerDeals.Moves(facts, window)];
        AuditEntry[] failed = [.. facts.Ledger.Where(e => window.In(e.At) && e.Outcome is { } o && FailureOutcomes.Contains(o))];
        WeeklySupportReview support = WeeklySupportReviewBuilder.Build(facts, window, now);
        IncidentFact[] incidents = [.. facts.Incidents.Where(i => window.In(i.DetectedAt))];
        int?[] health = [.. facts.Customers.Select(c => c.HealthScore).Where(h => h is not null)];
        DraftFact[] pending = [.. facts.Drafts.Where(d => d.Status == DraftStatus.PendingApproval)];
        FeedbackFact[] feedback = [.. facts.Feedback.Where(x => x.At >= feedbackFrom && x.At < window.End)];
        int[] scores = [.. feedback.SelectMany(x => x.Scores)];
        AuditEntry[] replies30 = [.. facts.Ledger.Where(e => e.Action == "classify" && e.At >= feedbackFrom && e.At < window.End)];
        static bool IsOpen(EngineerTaskFact t) => t.Status is HumanTaskValues.Open or HumanTaskValues.Claimed;

        return new BrainFigures(
            ReportCounts.Lines(facts, window, "draft_created").Count(),
            decided,
            approved,
            edited,
            rejected,
            decided == 0 ? null : Math.Round(rejected / (double)decided, 4),
            Top(reasons)?.Key,
            ReportCounts.Lines(facts, window, "send").Count(e => e.Outcome == "sent"),
            ReportCounts.Lines(facts, window, "classify").Count(),
            moves.Count(e => e.To == "closed_won"),
            moves.Count(e => e.To == "closed_lost"),
            failed.Length,
            Top(failed.Select(e => e.Action))?.Key,
            support.Opened.Values.Sum(),
            support.Closed.Values.Sum(),
            support.Breaches.Count,
            support.Verdict,
            support.BreachRate,
            support.RepeatedIssues.Count > 0 ? support.RepeatedIssues[0].Keyword : null,
            support.RepeatedIssues.Count > 0 ? support.RepeatedIssues[0].Tickets : 0,
            facts.Tickets.Count(t => t.Status == "open" && t.Priority == TicketPriority.P0),
            incidents.Length,
            incidents.Count(i => i.Severity is IncidentSeverity.SEV1 or IncidentSeverity.SEV2),
            facts.Incidents.Count(i => i.IsOpen && i.Severity is IncidentSeverity.SEV1 or IncidentSeverity.SEV2),
            facts.Incidents.Count(i => i.Frozen),
            facts.Customers.Count,
            facts.Customers.Count(c => c.Risk is RiskSeverity.Medium or RiskSeverity.High),
            facts.Customers.Count(c => c.Risk == RiskSeverity.High),
            health.Length == 0 ? null : Math.Round(health.Average(h => h!.Value), 1),
            pending.Length,
            pending.Count(d => LedgerDeals.ApprovalSlaState(d, now) == "breach"),
            facts.EngineerTasks.Count(t => window.In(t.CreatedAt)),
            facts.EngineerTasks.Count(t => t.Priority == "P0" && IsOpen(t)),
            facts.EngineerTasks.Count(IsOpen),
            feedback.Length,
            scores.Length == 0 ? null : Math.Round(scores.Average(), 2),
            feedback.Count(x => x.Exemplar),
            feedback.Count(x => x.ReasonCode == "prohibited_claim"),
            facts.Tickets.Count(t => t.OpenedAt >= feedbackFrom && t.OpenedAt < window.End),
            replies30.Length,
            Top(replies30.Select(e => e.Outcome ?? "unknown"))?.Key);
    }

    private static IEnumerable<BrainStatement> Worked(BrainFigures f)
    {
        bool any = false;
        if (f.Approved > 0)
        {
            any = true;
            yield return S("approvals", $"اعتمدنا {f.Approved} من {f.Decided} مسودة ({Pct(f.Approved, f.Decided)})، منها {f.Edited} بتعديل", Pct(f.Approved, f.Decided), "ledger");
        }

        if (f.DealsWon > 0)
        {
            any = true;
            yield return S("deals_won", $"قفلنا {f.DealsWon} صفقة رابحة", N(f.DealsWon), "ledger");
        }

        if (f.Replies > 0)
        {
            any = true;
            yield return S("replies", $"جانا {f.Replies} رد من العملاء المحتملين، وأرسلنا {f.Sent} رسالة", N(f.Replies), "ledger");
        }

        if (f.TicketsResolved > 0)
        {
            any = true;
            yield return f.SlaBreaches == 0
                ? S("tickets_resolved", $"حلّينا {f.TicketsResolved} تذكرة وما تجاوزنا مستوى الخدمة ولا مرة", N(f.TicketsResolved), "tickets")
                : S("tickets_resolved", $"حلّينا {f.TicketsResolved} تذكرة", N(f.TicketsResolved), "tickets");
        }

        if (f.Incidents == 0)
        {
            any = true;
            yield return S("no_incidents", $"ما صار ولا حادث هالأسبوع (0 حوادث)", "0", "incidents");
        }

        if (f.Exemplars30Days > 0)
        {
            any = true;
            yield return S("exemplars", $"المشغّلين علّموا {f.Exemplars30Days} رد كنموذج ممتاز خلال 30 يوم", N(f.Exemplars30Days), "operator_feedback");
        }

        if (f.AverageHealth >= 70)
        {
            any = true;
            yield return S("customer_health", $"متوسط صحة العملاء {D(f.AverageHealth!.Value)} من 100", D(f.AverageHealth.Value), "customer_success");
        }

        if (!any)
        {
            yield return S("nothing_measured", $"ما عندنا رقم يثبت إن شي نفع هالأسبوع (0 نتائج إيجابية مقاسة)", "0", "ledger");
        }
    }

    private static IEnumerable<BrainStatement> NotWorked(BrainFigures f)
    {
        bool any = false;
        if (f.Rejected > 0)
        {
            any = true;
            yield return S("rejections", $"رفضنا {f.Rejected} من {f.Decided} مسودة ({Pct(f.Rejected, f.Decided)})، وأكثر سبب «{f.TopRejectionReason}»", Pct(f.Rejected, f.Decided), "ledger");
        }

        if (f.SlaBreaches > 0)
        {
            any = true;
            yield return S("sla_breaches", $"{f.SlaBreaches} تذكرة تجاوزت مستوى الخدمة، والحكم «{f.SlaVerdict}»", N(f.SlaBreaches), "sla_log");
        }

        if (f.Incidents > 0)
        {
            any = true;
            yield return S("incidents", $"صار {f.Incidents} حادث، منها {f.IncidentsSev1Or2} بدرجة SEV1/SEV2", N(f.Incidents), "incidents");
        }

        if (f.FailedActions > 0)
        {
            any = true;
            yield return S("failed_actions", $"{f.FailedActions} إجراء فشل في السجل، أكثرها «{f.TopFailedAction}»", N(f.FailedActions), "ledger");
        }

        if (f.AverageRubric30Days < 3.5)
        {
            any = true;
            yield return S("low_rubric", $"متوسط تقييم المشغّلين للردود {D(f.AverageRubric30Days!.Value)} من 5، تحت حد 3.5", D(f.AverageRubric30Days.Value), "operator_feedback");
        }

        if (f.TopKeyword is not null)
        {
            any = true;
            yield return S("recurring_keyword", $"تكررت مشكلة «{f.TopKeyword}» في {f.TopKeywordTickets} تذاكر", N(f.TopKeywordTickets), "tickets");
        }

        if (f.DealsLost > 0)
        {
            any = true;
            yield return S("deals_lost", $"خسرنا {f.DealsLost} صفقة", N(f.DealsLost), "ledger");
        }

        if (!any)
        {
            yield return S("nothing_failed", $"ما رصدنا إخفاق مقاس هالأسبوع (0 رفض، 0 تجاوز، 0 حوادث)", "0", "ledger");
        }
    }

    private static IEnumerable<BrainStatement> Priorities(BrainFigures f)
    {
        if (f.OpenSev1Or2 > 0)
        {
            yield return S("close_incidents", $"سكّروا الحوادث المفتوحة: {f.OpenSev1Or2} بدرجة SEV1/SEV2", N(f.OpenSev1Or2), "incidents");
        }

        if (f.P0IssuesOpen > 0)
        {
            yield return S("p0_issues", $"أنجزوا {f.P0IssuesOpen} مشكلة P0 فتحتها حلقة المنتج", N(f.P0IssuesOpen), "engineer_tasks");
        }

        if (f.OpenP0Tickets > 0)
        {
            yield return S("p0_tickets", $"ردّوا على {f.OpenP0Tickets} تذكرة P0 مفتوحة", N(f.OpenP0Tickets), "tickets");
        }

        if (f.HighRiskCustomers > 0)
        {
            yield return S("high_risk_outreach", $"تواصلوا شخصيًا مع {f.HighRiskCustomers} عميل بخطر مرتفع", N(f.HighRiskCustomers), "customer_success");
        }

        if (f.OverdueApprovals > 0)
        {
            yield return S("overdue_approvals", $"خلّصوا {f.OverdueApprovals} موافقة متأخرة عن مهلتها", N(f.OverdueApprovals), "drafts");
        }

        if (f.SlaBreaches > 0)
        {
            yield return S("sla_causes", $"راجعوا أسباب {f.SlaBreaches} تجاوز لمستوى الخدمة", N(f.SlaBreaches), "sla_log");
        }

        if (f.RejectionRate > 0.20)
        {
            yield return S("top_rejection", $"عالجوا سبب الرفض «{f.TopRejectionReason}»: نسبة الرفض {Pct(f.Rejected, f.Decided)}", Pct(f.Rejected, f.Decided), "ledger");
        }

        if (f.AverageRubric30Days < 3.5)
        {
            yield return S("reply_quality", $"حسّنوا جودة الردود: التقييم {D(f.AverageRubric30Days!.Value)} من 5", D(f.AverageRubric30Days.Value), "operator_feedback");
        }

        if (f.TopKeyword is not null)
        {
            yield return S("recurring_problem", $"حلّوا مشكلة «{f.TopKeyword}» المتكررة ({f.TopKeywordTickets} تذاكر)", N(f.TopKeywordTickets), "tickets");
        }

        if (f.EngineerTasksOpen > 0)
        {
            yield return S("engineer_tasks", $"أنجزوا {f.EngineerTasksOpen} مهمة هندسية مفتوحة من حلقة المنتج", N(f.EngineerTasksOpen), "engineer_tasks");
        }

        yield return S("measure_finances", $"ابدؤوا تسجيل المدة المتبقية والإيراد الشهري والصرف: {NotMeasuredAr} الحين", NotMeasuredAr, "not_stored");
        yield return S("approval_pace", $"حافظوا على سرعة الموافقات: {f.PendingApprovals} مسودة تنتظر القرار", N(f.PendingApprovals), "drafts");
        yield return S("outreach", $"زيدوا التواصل المعتمد: {f.Sent} رسالة مرسلة هالأسبوع", N(f.Sent), "ledger");
    }

    private static IEnumerable<BrainStatement> Risks(BrainFigures f)
    {
        yield return S("finance_not_measured", $"الوضع المالي (المدة المتبقية runway والإيراد الشهري MRR ومعدل الصرف burn): {NotMeasuredAr}، فما نقدر نحكم على الاستدامة", NotMeasuredAr, "not_stored");
        if (f.AtRiskCustomers > 0)
        {
            yield return S("customers_at_risk", $"{f.AtRiskCustomers} عميل معرض للخطر، منهم {f.HighRiskCustomers} بخطر مرتفع", N(f.AtRiskCustomers), "customer_success");
        }

        if (f.SlaVerdict is "critical" or "watch")
        {
            yield return S("sla_verdict", $"حكم مستوى الخدمة «{f.SlaVerdict}» ونسبة التجاوز {Pct(f.SlaBreachRate)}", Pct(f.SlaBreachRate), "sla_log");
        }

        if (f.FrozenIncidents > 0)
        {
            yield return S("freeze", $"الإرسال مجمّد بسبب {f.FrozenIncidents} حادث", N(f.FrozenIncidents), "incidents");
        }

        if (f.OverdueApprovals > 0)
        {
            yield return S("approvals_late", $"{f.OverdueApprovals} موافقة متأخرة تأخّر الرد على العملاء", N(f.OverdueApprovals), "drafts");
        }

        if (f.ProhibitedClaims30Days > 0)
        {
            yield return S("prohibited_claims", $"{f.ProhibitedClaims30Days} رفض بسبب ادعاءات محظورة خلال 30 يوم: خطر على الالتزام", N(f.ProhibitedClaims30Days), "operator_feedback");
        }
    }

    private static string Compose(ReportWindow window, BrainFigures f, List<BrainStatement> worked, List<BrainStatement> notWorked,
        List<BrainStatement> priorities, List<BrainStatement> risks)
    {
        DateOnly first = DateOnly.FromDateTime(window.Start.AddHours(3)), last = DateOnly.FromDateTime(window.End.AddHours(3)).AddDays(-1);
        string Line(BrainStatement s) => $"{s.Text} [{Sources[s.Source]}]";
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"تأمل Dealix Brain الأسبوعي: من {first:yyyy-MM-dd} إلى {last:yyyy-MM-dd}"),
            "استشاري فقط، والقرار لكم.",
            "وش اللي نفع؟",
        };
        lines.AddRange(worked.Select(s => $"- {Line(s)}"));
        lines.Add("وش اللي ما نفع؟");
        lines.AddRange(notWorked.Select(s => $"- {Line(s)}"));
        lines.Add("أهم 3 أولويات هالأسبوع:");
        lines.AddRange(priorities.Select((s, i) => $"{i + 1}. {Line(s)}"));
        lines.Add("المخاطر:");
        lines.AddRange(risks.Select(s => $"- {Line(s)}"));
        string replies = f.TopReplyCategory30Days is { } category ? $"{f.Replies30Days} رد مصنّف (أكثرها «{category}»)" : $"{f.Replies30Days} رد مصنّف";
        lines.Add($"ملاحظات العملاء آخر 30 يوم: {f.Feedback30Days} ملاحظة من المشغّلين، {f.Tickets30Days} تذكرة، {replies}. "
            + $"NPS وملاحظات نجاح العملاء والتعديلات البرمجية: {NotMeasuredAr}.");
        return string.Join('\n', lines);
    }

    private static BrainStatement S(string code, FormattableString text, string figure, string source) =>
        new(code, text.ToString(CultureInfo.InvariantCulture), figure, source);

    private static KeyValuePair<string, int>? Top(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count())).Cast<KeyValuePair<string, int>?>().FirstOrDefault();

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Pct(int part, int whole) => whole == 0 ? NotMeasuredAr : Pct(part / (double)whole);

    private static string Pct(double rate) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(rate * 100, MidpointRounding.AwayFromZero):0}٪");
}
