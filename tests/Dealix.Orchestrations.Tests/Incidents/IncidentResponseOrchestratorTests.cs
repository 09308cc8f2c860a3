using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;
using Dealix.Orchestrations.Notifications;
using Microsoft.DurableTask.Client;

namespace Dealix.Orchestrations.Tests.Incidents;

public sealed class IncidentResponseOrchestratorTests
{
    private static readonly string[] Sev1Steps =
    [
        "freeze_live_actions", "notify_founder", "create_incident_channel", "review_action_ledger", "pdpl_72h_notification",
        "sev1_1", "sev1_2", "sev1_3", "sev1_4", "unfreeze", "sev1_6",
    ];

    [Fact]
    public async Task Sev1WithPersonalData_PlanFreezeUpdatesPdplClockAndPostMortem_ClosesAfterFounderUnfreezes()
    {
        await using IncidentHarness h = await IncidentHarness.StartAsync();
        string id = await h.OpenAsync(IncidentHarness.Request("inc-leak", leak: true, personalData: true));

        // Triage: SEV1, the tenant frozen, the founder paged, the plan handed to its owners, the first update drafted.
        IncidentState state = await h.StateAsync(id);
        Assert.Equal((IncidentSeverity.SEV1, "founder", true, "open"), (state.Severity, state.Commander, state.Frozen, state.Phase));
        // SEV1: the freeze is global (§13.2 step 1), every tenant's sends and charges.
        Assert.Equal([new FreezeTenantInput(IncidentHarness.Tenant, "inc-leak", true, "automation", "corr-inc-leak", Global: true)], h.Incidents.FreezeCalls);
        Assert.Equal(["acme:inc-leak"], h.Incidents.GlobalHolds);
        Assert.Equal("global", state.FreezeScope);
        OperatorAlert opened = Assert.Single(h.AlertsOf(OperatorAlertKinds.IncidentOpened));
        Assert.Equal(("critical", "founder"), (opened.Severity, opened.OwnerRole));
        Assert.DoesNotContain("ops@customer.example", opened.Body, StringComparison.Ordinal);
        Assert.Equal(Sev1Steps, h.CreatedTasks.Select(t => t.Kind));
        Assert.All(h.CreatedTasks, t => Assert.Equal(("incident", id, IncidentKeys.TaskId(id, t.Kind)), (t.Area, t.InstanceId, t.TaskId)));
        Dictionary<string, string> owners = h.CreatedTasks.ToDictionary(t => t.Kind, t => t.OwnerRole);
        Assert.Equal(("engineer", "founder", "founder", "founder", "engineer"),
            (owners["freeze_live_actions"], owners["pdpl_72h_notification"], owners["unfreeze"], owners["sev1_1"], owners["sev1_2"]));
        Assert.Equal(IncidentHarness.SundayMorning.AddHours(72), h.CreatedTasks.Single(t => t.Kind == "pdpl_72h_notification").DueAt);
        Assert.Equal(IncidentHarness.SundayMorning.AddMinutes(15), h.CreatedTasks.Single(t => t.Kind == "freeze_live_actions").DueAt);
        ReplyDraft initial = Assert.Single(h.UpdateDrafts(id));
        Assert.Equal(("incident_initial", DraftStatus.PendingApproval, "ops@customer.example"), (initial.Category, initial.Status, initial.To));
        Assert.Contains("30 دقيقة", initial.Text, StringComparison.Ordinal);
        Assert.Equal(new IncidentPdplState(true, IncidentHarness.SundayMorning.UtcDateTime.AddHours(72), "pending", 0), state.Pdpl);

        // The initial message is approved in the approval center; every 30 minutes until contained a new update is drafted.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(10));
        await h.DecideAsync(initial.DraftId, DraftDecisionKind.Approved);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(20));
        Assert.Equal(["incident_initial", "incident_update"], h.UpdateDrafts(id).Select(d => d.Category));

        // Contained at +45 min: an update now, then every 4 hours; each new update withdraws the unapproved one before it.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(15));
        await h.ReportAsync(id, IncidentStatusChange.Contained, "تم إيقاف الرابط");
        foreach (string step in Sev1Steps.Where(s => s is not ("pdpl_72h_notification" or "unfreeze")))
        {
            await h.AcknowledgeAsync(id, step, "owner-" + step);
        }

        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(8));
        IReadOnlyList<ReplyDraft> drafts = h.UpdateDrafts(id);
        Assert.Equal(5, drafts.Count); // +0 initial, +30 min, +45 min (contained), +4 h 45, +8 h 45
        Assert.Equal([DraftStatus.Approved, DraftStatus.Cancelled, DraftStatus.Cancelled, DraftStatus.Cancelled, DraftStatus.PendingApproval],
            drafts.Select(d => d.Status));
        Assert.Equal(IncidentHarness.SundayMorning.UtcDateTime.AddHours(8.75), drafts[^1].CreatedAt);
        Assert.Contains("تم إيقاف الرابط", drafts[2].Text, StringComparison.Ordinal);

        // An update left undecided for 15 and 30 minutes reminds the team lead, then escalates to the founder (§4.4).
        Assert.Contains(h.AlertsOf(OperatorAlertKinds.ApprovalReminder), a => a.OwnerRole == "team_lead" && a.Body.Contains(drafts[2].DraftId, StringComparison.Ordinal));
        Assert.Contains(h.AlertsOf(OperatorAlertKinds.ApprovalEscalation), a => a.OwnerRole == "founder" && a.Body.Contains(drafts[2].DraftId, StringComparison.Ordinal));

        state = await h.StateAsync(id);
        Assert.False(state.Acknowledged);
        Assert.Equal(2, state.Steps.Count(s => s.Status == "open"));
        Assert.Equal("owner-sev1_2", state.Steps.Single(s => s.Key == "sev1_2").By);

        // The PDPL clock: reminders to the founder at +24, +48 and +60 h; the decision before +72 h means no breach.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(61) - TimeSpan.FromHours(8.75));
        Assert.Equal(["pdpl/24h", "pdpl/48h", "pdpl/60h"], h.AlertsOf("pdpl_reminder").Select(a => a.IdempotencyKey[(id.Length + 1)..]));
        Assert.All(h.AlertsOf("pdpl_reminder"), a => Assert.Equal("founder", a.OwnerRole));
        Assert.Equal(3, (await h.StateAsync(id)).Pdpl.RemindersSent);
        await h.AcknowledgeAsync(id, "pdpl_72h_notification", "founder",
            result: new Dictionary<string, string> { ["pdpl"] = "sent", ["reference"] = "REG-2026-0042" });

        // Resolved: the resolved message is drafted and the post-mortem written; the tenant stays frozen until the founder decides.
        await h.ReportAsync(id, IncidentStatusChange.Resolved);
        state = await h.StateAsync(id);
        Assert.Equal(("resolved", true, "sent", "REG-2026-0042"), (state.Phase, state.Frozen, state.Pdpl.Status, state.Pdpl.Reference));
        Assert.Equal("incident_resolved", h.UpdateDrafts(id)[^1].Category);
        Assert.All(h.UpdateDrafts(id).Where(d => d.Category == "incident_update"), d => Assert.NotEqual(DraftStatus.PendingApproval, d.Status));
        PostMortemDraft postMortem = (await h.Incidents.GetAsync(IncidentHarness.Tenant, "inc-leak"))!.PostMortem!;
        Assert.Equal("founder", postMortem.Owner);
        Assert.Contains("# Post-mortem inc-leak (SEV1)", postMortem.Markdown, StringComparison.Ordinal);
        Assert.Contains("reference: REG-2026-0042", postMortem.Markdown, StringComparison.Ordinal);
        Assert.Contains("- contained: 2026-11-22T06:45Z", postMortem.Markdown, StringComparison.Ordinal);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(20));
        Assert.Empty(h.AlertsOf("pdpl_breach"));

        await h.UnfreezeAsync(id, "founder");
        Assert.Equal(new FreezeTenantInput(IncidentHarness.Tenant, "inc-leak", false, "founder", "corr-inc-leak", Global: true), h.Incidents.FreezeCalls[^1]);
        Assert.Empty(h.Incidents.GlobalHolds);
        Assert.Empty(await h.Incidents.HeldByAsync(IncidentHarness.Tenant));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await h.Host.GetInstanceAsync(id)).RuntimeStatus); // the resolved message waits for approval

        await h.DecideAsync(h.UpdateDrafts(id)[^1].DraftId, DraftDecisionKind.Approved);
        OrchestrationMetadata done = await h.Host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        IncidentState closed = done.ReadOutputAs<IncidentState>()!;
        Assert.Equal(("closed", true, false, "founder"), (closed.Phase, closed.Acknowledged, closed.Frozen, closed.UnfrozenBy));
        Assert.Equal("approved", closed.Updates[^1].Status);
        Assert.Equal("closed", (await h.Incidents.GetAsync(IncidentHarness.Tenant, "inc-leak"))!.State.Phase);
    }

    [Fact]
    public async Task Sev1_PdplUndecidedAt72h_AlertsTheBreach_AndAnOperatorCannotUnfreeze()
    {
        await using IncidentHarness h = await IncidentHarness.StartAsync();
        string id = await h.OpenAsync(IncidentHarness.Request("inc-late", leak: true, personalData: true));
        await h.ReportAsync(id, IncidentStatusChange.Contained); // updates every 4 h from here: the test stays short

        // Any operator key may complete a task through the task API; only the founder-only route lifts the freeze.
        await h.AcknowledgeAsync(id, "unfreeze", "op-2");
        Assert.True((await h.StateAsync(id)).Frozen);
        Assert.Equal("open", (await h.StateAsync(id)).Steps.Single(s => s.Key == "unfreeze").Status);
        Assert.Single(h.Incidents.FreezeCalls);

        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(73));
        OperatorAlert breach = Assert.Single(h.AlertsOf("pdpl_breach"));
        Assert.Equal(("critical", "founder"), (breach.Severity, breach.OwnerRole));
        Assert.Equal(3, h.AlertsOf("pdpl_reminder").Count);
        Assert.Equal("overdue", (await h.StateAsync(id)).Pdpl.Status);
    }

    [Fact]
    public async Task Sev3WithoutPersonalData_NoFreezeNoPdplClock_DailyUpdates_ClosesOnceAcknowledgedAndResolved()
    {
        await using IncidentHarness h = await IncidentHarness.StartAsync();
        string id = await h.OpenAsync(IncidentHarness.Request("inc-slow", leak: false, personalData: false));

        IncidentState state = await h.StateAsync(id);
        Assert.Equal((IncidentSeverity.SEV3, "team_lead", false, false), (state.Severity, state.Commander, state.Frozen, state.Pdpl.Required));
        Assert.Equal("not_required", state.Pdpl.Status);
        Assert.Empty(h.Incidents.FreezeCalls);
        Assert.Equal(("warning", "team_lead"), (h.AlertsOf(OperatorAlertKinds.IncidentOpened).Single().Severity, h.AlertsOf(OperatorAlertKinds.IncidentOpened).Single().OwnerRole));
        string[] steps = ["freeze_live_actions", "notify_founder", "create_incident_channel", "review_action_ledger", "pdpl_72h_notification", "sev3_1", "sev3_2"];
        Assert.Equal(steps, h.CreatedTasks.Select(t => t.Kind));

        // Once per business day (Sunday 09:00 AST start: Monday, Tuesday, Wednesday); no PDPL reminders.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(80));
        Assert.Equal(4, h.UpdateDrafts(id).Count);
        Assert.Empty(h.AlertsOf("pdpl_reminder"));
        Assert.Empty(h.AlertsOf("pdpl_breach"));

        foreach (string step in steps)
        {
            await h.AcknowledgeAsync(id, step, "team-lead-1");
        }

        state = await h.StateAsync(id);
        Assert.True(state.Acknowledged);
        Assert.Equal(h.Host.Clock.GetUtcNow().UtcDateTime, state.AcknowledgedAt);
        Assert.Equal("open", state.Phase);

        await h.ReportAsync(id, IncidentStatusChange.Resolved);
        await h.DecideAsync(h.UpdateDrafts(id)[^1].DraftId, DraftDecisionKind.Approved);
        OrchestrationMetadata done = await h.Host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        PostMortemDraft postMortem = (await h.Incidents.GetAsync(IncidentHarness.Tenant, "inc-slow"))!.PostMortem!;
        Assert.Equal(("team_lead", Orchestrations.Deals.Lifecycle.BusinessCalendar.AddBusinessDays(done.ReadOutputAs<IncidentState>()!.ResolvedAt!.Value, 10)),
            (postMortem.Owner, postMortem.DueAt));
        Assert.Contains("notification required: no", postMortem.Markdown, StringComparison.Ordinal);
    }
}
