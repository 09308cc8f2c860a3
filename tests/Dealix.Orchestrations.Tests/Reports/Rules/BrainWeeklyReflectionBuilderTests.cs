using System.Text.Json;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using static Dealix.Orchestrations.Tests.Reports.ReportScenario;

namespace Dealix.Orchestrations.Tests.Reports.Rules;

/// <summary>
/// The Brain's weekly reflection for 2026W49 (run Sunday 12-06 08:00 AST = 05:00Z): the week is Sun 11-29 – Sat 12-05
/// AST ([11-28 21:00Z, 12-05 21:00Z)), customer feedback the 30 days before its end (from 11-05 21:00Z). A rich week:
/// every section has more candidates than it shows. Figures worked out by hand.
/// </summary>
public sealed class BrainWeeklyReflectionBuilderTests
{
    private static readonly ReportWindow Week = ReportWindows.For(ReportKinds.Find(ReportKinds.BrainWeeklyReflection)!, "2026W49")!;
    private static readonly DateTime Now = Utc(12, 6, 5);

    private static ReportFacts Rich { get; } = new ReportFacts(
        [
            new DraftFact("p1", MessageChannel.WhatsApp, DraftKind.Reply, DraftStatus.PendingApproval, DealStage.Qualified, Utc(12, 5, 10)),  // reply due 2 h later: overdue
            new DraftFact("p2", MessageChannel.WhatsApp, DraftKind.Reply, DraftStatus.PendingApproval, DealStage.Qualified, Utc(12, 6, 4, 30)), // not yet due
        ],
        [
            new TicketFact("t1", TicketPriority.P0, "open", Utc(12, 4, 8), null, null, ["تسريب"]),                       // P0, no response: breached
            new TicketFact("t2", TicketPriority.P2, "resolved", Utc(12, 1, 6), Utc(12, 1, 7), Utc(12, 2, 6), ["sync"]),
            new TicketFact("t3", TicketPriority.P2, "resolved", Utc(12, 2, 6), Utc(12, 2, 6, 30), Utc(12, 2, 10), ["sync"]),
            new TicketFact("t4", TicketPriority.P3, "resolved", Utc(11, 10, 6), Utc(11, 10, 7), Utc(11, 11, 6), ["billing"]), // in the 30 days only
            new TicketFact("t5", TicketPriority.P3, "resolved", Utc(10, 1, 6), Utc(10, 1, 7), Utc(10, 2, 6), ["billing"]),   // older than 30 days
        ],
        [
            Log("t1", TicketPriority.P0, Utc(12, 4, 8), null, null),
            Log("t2", TicketPriority.P2, Utc(12, 1, 6), Utc(12, 1, 7), Utc(12, 2, 6)),
            Log("t3", TicketPriority.P2, Utc(12, 2, 6), Utc(12, 2, 6, 30), Utc(12, 2, 10)),
        ],
        [
            Line("classify", Utc(11, 15, 9), "not_interested"), Line("classify", Utc(11, 16, 9), "interested"),   // replies of the 30 days, before the week
            Line("classify", Utc(11, 1, 9), "unsubscribe"),                                                        // older than 30 days
            .. Enumerable.Range(0, 6).Select(i => Line("draft_created", Utc(11, 30, 8 + i), null)),
            Line("draft_decided", Utc(11, 30, 9), "approved"), Line("draft_decided", Utc(12, 1, 9), "approved", "edit_and_approve; shorter"),
            Line("draft_decided", Utc(12, 1, 10), "approved"), Line("draft_decided", Utc(12, 2, 9), "approved"), Line("draft_decided", Utc(12, 3, 9), "approved"),
            Line("draft_decided", Utc(12, 2, 11), "rejected", "prohibited_claim; guaranteed ROI"),
            Line("draft_decided", Utc(12, 3, 11), "rejected", "tone"), Line("draft_decided", Utc(12, 4, 11), "rejected", "tone"),
            Line("send", Utc(12, 1, 12), "sent"), Line("send", Utc(12, 2, 12), "sent"), Line("send", Utc(12, 3, 12), "sent"), Line("send", Utc(12, 4, 12), "sent"),
            Line("send", Utc(12, 4, 13), "failed"), Line("send", Utc(12, 4, 14), "failed"),
            Line("classify", Utc(12, 2, 15), "interested"), Line("classify", Utc(12, 3, 15), "interested"), Line("classify", Utc(12, 4, 15), "price_question"),
            Line("stage_transition", Utc(12, 3, 16), "applied", to: "closed_won"), Line("stage_transition", Utc(12, 4, 16), "applied", to: "closed_lost"),
        ],
        [
            new IncidentFact("i1", IncidentSeverity.SEV2, "contain", Utc(12, 3, 10), null, true),
            new IncidentFact("i2", IncidentSeverity.SEV3, "resolved", Utc(12, 1, 10), Utc(12, 1, 12), false),
        ],
        [
            new CustomerFact("cu1", "pilot", new DateTimeOffset(Utc(11, 1, 9)), 75, RiskSeverity.High, 35),
            new CustomerFact("cu2", "growth", new DateTimeOffset(Utc(10, 1, 9)), 50, RiskSeverity.Medium, 60),
            new CustomerFact("cu3", "growth", new DateTimeOffset(Utc(9, 1, 9)), 10, RiskSeverity.Low, 90),
        ],
        [])
    {
        Feedback =
        [
            new FeedbackFact("f2", "reply", "reply", "approve", 4, 4, 4, 5, true, null, Utc(11, 20, 9)),
            new FeedbackFact("f1", "reply", "reply", "approve", 3, 3, 2, 4, false, null, Utc(12, 1, 9)),
            new FeedbackFact("f3", "reply", "reply", "reject", 2, 2, 3, 2, false, "prohibited_claim", Utc(12, 2, 11)),
            new FeedbackFact("f4", "reply", "reply", "approve", 5, 5, 5, 5, true, null, Utc(10, 20, 9)),   // older than 30 days
        ],
        EngineerTasks =
        [
            new EngineerTaskFact("e0", "product_minor_fix", "bug", "P2", "open", Utc(11, 25, 4)),            // opened the week before, still open
            new EngineerTaskFact("e1", "product_critical_bug", "critical_bug", "P0", "open", Utc(12, 3, 11)),
            new EngineerTaskFact("e2", "product_minor_fix", "bug", "P2", "completed", Utc(12, 2, 4)),
            new EngineerTaskFact("e3", "product_high_priority_feature", "feature_request", "P1", "claimed", Utc(12, 4, 4)),
        ],
    };

    [Fact]
    public void RichWeek_AnswersTheFourQuestionsWithTheirFiguresInAtMost400Words()
    {
        BrainWeeklyReflection r = BrainWeeklyReflectionBuilder.Build(Rich, Week, Now);

        BrainFigures f = r.Figures;
        Assert.Equal((6, 8, 5, 1, 3, (double?)0.375, "tone"), (f.DraftsCreated, f.Decided, f.Approved, f.Edited, f.Rejected, f.RejectionRate, f.TopRejectionReason));
        Assert.Equal((4, 3, 1, 1, 2, "send"), (f.Sent, f.Replies, f.DealsWon, f.DealsLost, f.FailedActions, f.TopFailedAction));
        Assert.Equal((3, 2, 1, "critical", "sync", 2, 1), (f.TicketsOpened, f.TicketsResolved, f.SlaBreaches, f.SlaVerdict, f.TopKeyword, f.TopKeywordTickets, f.OpenP0Tickets));
        Assert.Equal((2, 1, 1, 1), (f.Incidents, f.IncidentsSev1Or2, f.OpenSev1Or2, f.FrozenIncidents));
        Assert.Equal((3, 2, 1, (double?)61.7), (f.Customers, f.AtRiskCustomers, f.HighRiskCustomers, f.AverageHealth));
        Assert.Equal((2, 1, 3, 1, 3), (f.PendingApprovals, f.OverdueApprovals, f.IssuesOpened, f.P0IssuesOpen, f.EngineerTasksOpen));
        // 30 days: f1 (12 of 4 scores), f2 (17), f3 (9): 38 / 12 = 3.17; f4 is older. Tickets t1–t4; replies 2 + 3, "interested" 3 times.
        Assert.Equal((3, (double?)3.17, 1, 1, 4, 5, "interested"), (f.Feedback30Days, f.AverageRubric30Days, f.Exemplars30Days, f.ProhibitedClaims30Days,
            f.Tickets30Days, f.Replies30Days, f.TopReplyCategory30Days));
        Assert.Equal((Utc(11, 5, 21), Utc(12, 5, 21)), (r.FeedbackFrom, r.FeedbackTo));

        Assert.Equal(["approvals", "deals_won", "replies", "tickets_resolved"], r.WhatWorked.Select(s => s.Code)); // exemplars: a fifth, not shown
        Assert.Equal(["rejections", "sla_breaches", "incidents", "failed_actions"], r.WhatDidNotWork.Select(s => s.Code));
        Assert.Equal(["close_incidents", "p0_issues", "p0_tickets"], r.Priorities.Select(s => s.Code));
        Assert.Equal(["finance_not_measured", "customers_at_risk", "sla_verdict", "freeze"], r.Risks.Select(s => s.Code));
        Assert.Equal(new BrainStatement("approvals", "اعتمدنا 5 من 8 مسودة (63٪)، منها 1 بتعديل", "63٪", "ledger"), r.WhatWorked[0]);
        Assert.Equal(new BrainStatement("rejections", "رفضنا 3 من 8 مسودة (38٪)، وأكثر سبب «tone»", "38٪", "ledger"), r.WhatDidNotWork[0]);
        Assert.Equal(new BrainStatement("sla_verdict", "حكم مستوى الخدمة «critical» ونسبة التجاوز 33٪", "33٪", "sla_log"), r.Risks[2]);
        Assert.Equal("غير مقاس", r.Risks[0].Figure);

        string[] lines = r.Text.Split('\n');
        Assert.Equal("تأمل Dealix Brain الأسبوعي: من 2026-11-29 إلى 2026-12-05", lines[0]);
        Assert.Contains("- قفلنا 1 صفقة رابحة [سجل العمليات]", lines);
        Assert.Contains("1. سكّروا الحوادث المفتوحة: 1 بدرجة SEV1/SEV2 [الحوادث]", lines);
        Assert.Contains("3. ردّوا على 1 تذكرة P0 مفتوحة [التذاكر]", lines);
        Assert.Contains("- الوضع المالي (المدة المتبقية runway والإيراد الشهري MRR ومعدل الصرف burn): غير مقاس، فما نقدر نحكم على الاستدامة [غير مخزّن]", lines);
        Assert.Equal("ملاحظات العملاء آخر 30 يوم: 3 ملاحظة من المشغّلين، 4 تذكرة، 5 رد مصنّف (أكثرها «interested»). NPS وملاحظات نجاح العملاء والتعديلات البرمجية: غير مقاس.", lines[^1]);
        Assert.All(r.WhatWorked.Concat(r.WhatDidNotWork).Concat(r.Priorities).Concat(r.Risks), s => Assert.Contains(s.Figure, s.Text, StringComparison.Ordinal));

        int words = r.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(words, r.WordCount);
        Assert.InRange(words, 150, BrainWeeklyReflectionBuilder.MaxWords);
        Assert.True(r.Advisory);
        Assert.Equal(["runway", "mrr", "burn_rate", "nps", "cs_notes", "commits_prs"], r.NotMeasured.Select(m => m.Field));

        (string severity, IReadOnlyList<string> summary) = BrainWeeklyReflectionBuilder.Summarise(r, Week);
        Assert.Equal("warning", severity);
        Assert.Equal(r.Text, string.Join('\n', summary));
        Assert.True(r.Text.Length <= Dealix.Orchestrations.Notifications.OperatorAlertValidation.MaxBody, "the founder gets the whole reflection in one alert");
    }

    [Fact]
    public void OverTheWordLimit_DropsTheLastStatementsOfTheLongestListsFirst()
    {
        // The rich week has 4 worked, 4 not worked, 3 priorities and 4 risks in 203 words; at 150 words the
        // longest list loses its last statement (ties: risks, then not worked, then worked) until it fits: 2 + 2 + 2 remain; the priorities stay.
        BrainWeeklyReflection r = BrainWeeklyReflectionBuilder.Build(Rich, Week, Now, 150);

        Assert.InRange(r.WordCount, 1, 150);
        Assert.Equal(3, r.Priorities.Count);
        Assert.Equal(["finance_not_measured", "customers_at_risk"], r.Risks.Select(s => s.Code));
        Assert.Equal(["rejections", "sla_breaches"], r.WhatDidNotWork.Select(s => s.Code));
        Assert.Equal(["approvals", "deals_won"], r.WhatWorked.Select(s => s.Code));
    }

    [Fact]
    public void SameFacts_InAnyOrder_GiveTheSameText()
    {
        BrainWeeklyReflection first = BrainWeeklyReflectionBuilder.Build(Rich, Week, Now);
        ReportFacts shuffled = Rich with
        {
            Drafts = [.. Rich.Drafts.Reverse()],
            Tickets = [.. Rich.Tickets.Reverse()],
            SlaLog = [.. Rich.SlaLog.Reverse()],
            Ledger = [.. Rich.Ledger.Reverse()],
            Incidents = [.. Rich.Incidents.Reverse()],
            Customers = [.. Rich.Customers.Reverse()],
            Feedback = [.. Rich.Feedback.Reverse()],
            EngineerTasks = [.. Rich.EngineerTasks.Reverse()],
        };

        Assert.Equal(first.Text, BrainWeeklyReflectionBuilder.Build(shuffled, Week, Now).Text);
        Assert.Equal(first.Text, BrainWeeklyReflectionBuilder.Build(Rich, Week, Now).Text);
    }

    [Fact]
    public void NothingStored_SaysSoAndTheFinancesAreNotMeasured()
    {
        ReportKind kind = ReportKinds.Find(ReportKinds.BrainWeeklyReflection)!;
        ReportDocument document = ReportBuilder.Build(kind, Tenant, "2026W49", Week, ReportFacts.Empty, Now);
        var r = (BrainWeeklyReflection)document.Content;

        Assert.Equal(["no_incidents"], r.WhatWorked.Select(s => s.Code));
        Assert.Equal(["nothing_failed"], r.WhatDidNotWork.Select(s => s.Code));
        Assert.Equal(["measure_finances", "approval_pace", "outreach"], r.Priorities.Select(s => s.Code)); // the standing three
        Assert.Equal(["finance_not_measured"], r.Risks.Select(s => s.Code));
        Assert.Equal(("info", "founder"), (document.Severity, kind.OwnerRole));
        Assert.Null(r.Figures.AverageRubric30Days);
        Assert.Contains("1. ابدؤوا تسجيل المدة المتبقية والإيراد الشهري والصرف: غير مقاس الحين [غير مخزّن]", r.Text, StringComparison.Ordinal);

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(document, ReportJson.Options));
        JsonElement content = json.RootElement.GetProperty("content");
        Assert.Equal(r.Text, content.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, content.GetProperty("figures").GetProperty("average_health").ValueKind);
        Assert.Equal("not measured", content.GetProperty("not_measured")[0].GetProperty("value").GetString());
        Assert.Equal("brain-weekly-reflection", json.RootElement.GetProperty("header").GetProperty("kind").GetString());
    }

    [Fact]
    public void Window_IsTheSevenDaysBeforeTheSunday()
    {
        Assert.Equal((Utc(11, 28, 21), Utc(12, 5, 21), new DateOnly(2026, 12, 6)), (Week.Start, Week.End, Week.RunDay));
        Assert.Equal(3, BrainWeeklyReflectionBuilder.Words("  وش  اللي\nنفع؟ "));
    }

    private static AuditEntry Line(string action, DateTime at, string? outcome, string? reason = null, string? to = null) =>
        new($"{action}:{at:O}", Tenant, "c-1", action, "A", "automation", "deal:acme:c1", at, To: to, Reason: reason, Outcome: outcome);

    private static SlaEvent[] Log(string id, TicketPriority priority, DateTime opened, DateTime? firstResponse, DateTime? resolved) =>
    [
        new(id, Tenant, SlaEventType.TicketOpened, priority, opened, "automation", "c-1"),
        .. firstResponse is { } fr ? new[] { new SlaEvent(id, Tenant, SlaEventType.FirstResponseSent, priority, fr, "operator", "c-1") } : [],
        .. resolved is { } rs ? new[] { new SlaEvent(id, Tenant, SlaEventType.Resolved, priority, rs, "operator", "c-1") } : [],
    ];
}
