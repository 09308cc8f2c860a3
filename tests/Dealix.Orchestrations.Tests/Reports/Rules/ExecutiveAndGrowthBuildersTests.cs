using System.Text.Json;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using static Dealix.Orchestrations.Tests.Reports.ReportScenario;

namespace Dealix.Orchestrations.Tests.Reports.Rules;

/// <summary>
/// The executive weekly pack on <see cref="ReportScenario"/>, and the proof pack and self-growth reports on
/// <see cref="GrowthScenario"/>: the exact figures, worked out by hand from the seeded rows.
/// </summary>
public sealed class ExecutiveAndGrowthBuildersTests
{
    private static ReportWindow Window(string kind, string period) => ReportWindows.For(ReportKinds.Find(kind)!, period)!;

    [Fact]
    public void ExecutivePack_Week49WithAnOpenSev2_IsRedWithBlockersRisksAndExactSections()
    {
        // Window: Sun 11-29 00:00 AST (11-28 21:00Z) to Sun 12-06 00:00 AST; read at Sun 12-06 05:40Z.
        ReportWindow window = Window(ReportKinds.ExecutiveWeeklyPack, "2026W49");
        ExecutiveWeeklyPack pack = ExecutiveWeeklyPackBuilder.Build(Facts, window, Utc(12, 6, 5, 40), Tenant);

        Assert.Equal("red", pack.Rag);
        Assert.Equal(["open_sev1_sev2", "sla_critical"], pack.RagReasons);
        Assert.Equal("not measured", pack.ActualVsTarget);

        // c0 closed_won; c1 qualified; c2, c3 new_lead (no applied transition; c0's "proposed" line does not count).
        Assert.Equal(new Dictionary<string, int> { ["closed_won"] = 1, ["new_lead"] = 2, ["qualified"] = 1 }, pack.Deals.PipelineByStage);
        Assert.Equal((3, 4, 1, 0, (double?)1.0), (pack.Deals.OpenDeals, pack.Deals.NewDeals, pack.Deals.Won, pack.Deals.Lost, pack.Deals.WinRate));
        Assert.Equal(new Dictionary<string, int> { ["new_lead→qualified"] = 1, ["proposal→closed_won"] = 1 }, pack.Deals.StageMoves);
        Assert.Equal(("not measured", "not measured"), (pack.Deals.RevenueSar, pack.Deals.PipelineValueSar));
        Assert.Equal(new Provenance("ledger", "AuditLedger/acme", Utc(12, 6, 5, 40), pack.Deals.Provenance.Method), pack.Deals.Provenance);

        // Pending replies are due 2 h after creation (warning at 1.5 h): d3, d4, d7 are past due; d8 (04:00Z) is in warning.
        Assert.Equal((0, 1, 3), (pack.Approvals.Pending, pack.Approvals.Warning, pack.Approvals.Breach));
        Assert.Equal(new DraftCounts(Created: 6, Approved: 1, Rejected: 1, Expired: 1, BlockedByGate: 1), pack.Approvals.Week); // d1–d6
        Assert.Equal(0, pack.Approvals.Edited);

        // t1–t4 opened in the week (t3 on 11-30), t2 and t3 breached: 2 of 4.
        Assert.Equal((4, 3, 2, 2, 0, 0.5, "critical"), (pack.Support.Opened, pack.Support.Resolved, pack.Support.Breached, pack.Support.OpenNow,
            pack.Support.OpenP0, pack.Support.BreachRate, pack.Support.Verdict));
        Assert.Equal(new Dictionary<string, int> { ["SEV2"] = 1 }, pack.Incidents.Open);
        Assert.Equal((2, 1, false), (pack.Incidents.Detected, pack.Incidents.Resolved, pack.Incidents.Frozen));
        Assert.Equal((3, 2, 1, 61.7), (pack.Customers.Total, pack.Customers.AtRisk, pack.Customers.HighRisk, pack.Customers.AverageHealth));
        Assert.Equal(["cu1", "cu2"], pack.Customers.AtRiskIds);
        Assert.Equal((11, 0, 0, 1, 0, 0), (pack.Ledger.Lines, pack.Ledger.ClassB, pack.Ledger.MissingCorrelationId, pack.Ledger.ComplianceBlocks,
            pack.Ledger.OptOuts, pack.Ledger.EvidencePacks));

        Assert.Equal([("open_major_incidents", 1), ("approvals_in_breach", 3), ("breached_tickets", 2)], pack.Blockers.Select(b => (b.Code, b.Count)));
        Assert.Equal([("high_risk_customers", 1), ("medium_risk_customers", 1), ("approvals_in_warning", 1), ("overdue_tasks", 1), ("compliance_blocks", 1)],
            pack.Risks.Select(r => (r.Code, r.Count)));
        Assert.Contains(pack.NotMeasured, m => m.Field == "connector_health");

        (string severity, IReadOnlyList<string> summary) = ExecutiveWeeklyPackBuilder.Summarise(pack, window);
        Assert.Equal("critical", severity);
        Assert.Equal("Week: Sun 2026-11-29 – Sat 2026-12-05 (AST)", summary[0]);
        Assert.Equal("Blocker: 3 approvals past their SLA | عائق: 3 موافقات تجاوزت مستوى الخدمة", summary[7]);
    }

    [Fact]
    public void ExecutivePack_OnlyAnApprovalInBreach_IsAmber()
    {
        var facts = ReportFacts.Empty with
        {
            Drafts = [new DraftFact("d1", MessageChannel.Email, DraftKind.FollowUp, DraftStatus.PendingApproval, DealStage.Nurturing, Utc(12, 4, 10))],
        };
        ExecutiveWeeklyPack pack = ExecutiveWeeklyPackBuilder.Build(facts, Window(ReportKinds.ExecutiveWeeklyPack, "2026W49"), Utc(12, 6, 4, 30), Tenant);

        Assert.Equal("amber", pack.Rag);
        Assert.Equal(["approval_sla_breach"], pack.RagReasons); // a follow-up is due after 24 h
        Assert.Equal(((double?)null, (double?)null), (pack.Deals.WinRate, pack.Customers.AverageHealth));
    }

    [Fact]
    public void ExecutivePack_NothingStored_IsGreenAndSaysNotMeasuredInTheJson()
    {
        ReportKind kind = ReportKinds.Find(ReportKinds.ExecutiveWeeklyPack)!;
        ReportDocument document = ReportBuilder.Build(kind, Tenant, "2026W50", ReportWindows.For(kind, "2026W50")!, ReportFacts.Empty, Utc(12, 13, 4, 30));
        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(document, ReportJson.Options));
        JsonElement content = json.RootElement.GetProperty("content");

        Assert.Equal(("green", "info"), (content.GetProperty("rag").GetString(), document.Severity));
        Assert.Equal("not measured", content.GetProperty("deals").GetProperty("revenue_sar").GetString());
        Assert.Equal("not measured", content.GetProperty("actual_vs_target").GetString());
        Assert.Equal("not measured", content.GetProperty("not_measured")[0].GetProperty("value").GetString());
        Assert.Equal(0, content.GetProperty("blockers").GetArrayLength());
    }

    [Fact]
    public void ProofPack_Week49_CountsTheOutreachAndItsApprovalRecord()
    {
        ReportWindow window = Window(ReportKinds.ProofPack, "2026W49");
        ProofPack pack = ProofPackBuilder.Build(GrowthScenario.Facts, window, Utc(12, 6, 5, 40));

        Assert.Equal((6, 6), (pack.OpportunitiesProduced, pack.NewDeals)); // g1–g5, g8; p4, p5, p8, p9, c6, c7
        Assert.Equal(new DraftCounts(8, 3, 2, 0, 0), pack.Drafts);
        Assert.Equal(2, pack.Edited);
        Assert.Equal(new Dictionary<string, int> { ["email"] = 2, ["whatsapp"] = 1 }, pack.SentByChannel);
        Assert.Equal(new Dictionary<string, int> { ["interested"] = 2, ["price_question"] = 1 }, pack.RepliesByCategory);
        Assert.Equal(1, pack.MeetingsBooked);
        Assert.Equal(new Dictionary<string, int> { ["new_lead→qualified"] = 1, ["qualified→meeting_booked"] = 1 }, pack.StageMovements);
        Assert.Equal(("not measured", 1), (pack.PipelineValueSar, pack.ComplianceBlocks));
        Assert.Equal(new ApprovalRecord(5, 3, 2, 2, 0, pack.ApprovalRecord.RejectionReasons, 3), pack.ApprovalRecord);
        Assert.Equal(new Dictionary<string, int> { ["prohibited_claim"] = 1, ["tone"] = 1 }, pack.ApprovalRecord.RejectionReasons);
        Assert.Equal([("approvals_to_decide", 3), ("meetings_to_hold", 1)], pack.NextPeriodPlan.Select(p => (p.Code, p.Count)));
        Assert.InRange(pack.WhatsAppSummary.Length, 1, ProofPackBuilder.MaxWhatsAppSummary);
        Assert.Contains("6 فرصة", pack.WhatsAppSummary, StringComparison.Ordinal);
        Assert.Contains("غير مقاسة", pack.WhatsAppSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfGrowthDailyBrief_Thursday_ListsTodaysTargetsTheQueueAndTheReminders()
    {
        // Thursday 12-03: replies of Wednesday (12-01 21:00Z to 12-02 21:00Z); today's targets from 12-02 21:00Z.
        ReportWindow window = Window(ReportKinds.SelfGrowthDailyBrief, "20261203");
        SelfGrowthDailyBrief brief = SelfGrowthDailyBriefBuilder.Build(GrowthScenario.Facts, window, Utc(12, 3, 4, 30));

        Assert.Equal([new TargetItem("g1", "email", Utc(12, 3, 3, 30)), new TargetItem("g2", "email", Utc(12, 3, 3, 31))], brief.RecommendedTargets);
        Assert.Equal(new Dictionary<string, int> { ["first_touch"] = 3 }, brief.AwaitingApproval);
        Assert.Equal(new Dictionary<string, int> { ["interested"] = 1 }, brief.RepliesByCategory);
        Assert.Equal(["no_cold_whatsapp", "approval_first", "no_scraping"], brief.Reminders.Select(r => r.Code));
        Assert.Equal(9, brief.IcpSectors.Count);
        Assert.EndsWith("No scraping. | لا جمع بيانات بالكشط.", SelfGrowthDailyBriefBuilder.Summarise(brief, window).Summary[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void SelfGrowthDailyBrief_Sunday_CoversThursdayToSaturday()
    {
        Assert.Equal("Thu 2026-12-03 – Sat 2026-12-05 (AST)", Window(ReportKinds.SelfGrowthDailyBrief, "20261206").Label);
    }

    [Fact]
    public void SelfGrowthWeeklyLearning_Week49_RatesTemplatesAndProposesExperiments()
    {
        // Thursday 12-03 15:00 AST run; the week Thu 11-26 to Wed 12-02 (AST).
        ReportWindow window = Window(ReportKinds.SelfGrowthWeeklyLearning, "2026W49");
        Assert.Equal(("Thu 2026-11-26 – Wed 2026-12-02 (AST)", new DateOnly(2026, 12, 3)), (window.Label, window.RunDay));
        SelfGrowthWeeklyLearning report = SelfGrowthWeeklyLearningBuilder.Build(GrowthScenario.Facts, window, Utc(12, 3, 12));

        // g4 (p4 replied 12-01) and g5 (no reply): first_touch 1 of 2; g6 (c6 replied 12-02, its 12-01 09:00 line came before the send): 1 of 1.
        Assert.Equal([new TemplateRate("first_touch", 2, 1, 0.5), new TemplateRate("price_question", 1, 1, 1.0)], report.ReplyRatesByTemplate);
        Assert.Equal("not measured", report.ReplyRatesBySector);
        Assert.Equal((5, 3, 2, 2, (double?)0.6, (double?)0.4), (report.Decided, report.Approved, report.Edited, report.Rejected, report.ApprovalRate, report.EditRate));
        Assert.Equal([new ReasonCount("prohibited_claim", 1), new ReasonCount("tone", 1)], report.TopRejectionReasons);
        Assert.Equal(["rewrite_most_edited_templates", "address_top_rejection", "tighten_claims_gate", "ab_test_weakest_template"],
            report.NextWeekExperiments.Select(e => e.Code));
        Assert.Contains("'prohibited_claim'", report.NextWeekExperiments[1].Text, StringComparison.Ordinal);
        Assert.Contains("'first_touch'", report.NextWeekExperiments[3].Text, StringComparison.Ordinal);
        Assert.Equal("warning", SelfGrowthWeeklyLearningBuilder.Summarise(report, window).Severity);
    }

    [Fact]
    public void SelfGrowthWeeklyLearning_NoDecisions_HasNoRatesAndNoExperiments()
    {
        SelfGrowthWeeklyLearning report = SelfGrowthWeeklyLearningBuilder.Build(ReportFacts.Empty, Window(ReportKinds.SelfGrowthWeeklyLearning, "2026W50"), Utc(12, 10, 12));

        Assert.Equal(((double?)null, (double?)null, 0), (report.ApprovalRate, report.EditRate, report.NextWeekExperiments.Count));
        Assert.Empty(report.ReplyRatesByTemplate);
    }
}
