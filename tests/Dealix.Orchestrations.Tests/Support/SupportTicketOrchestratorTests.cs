using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support;
using Dealix.Orchestrations.Support.Contracts;
using Microsoft.DurableTask.Client;
using Moq;

namespace Dealix.Orchestrations.Tests.Support;

public sealed class SupportTicketOrchestratorTests
{
    [Fact]
    public async Task P0Ticket_ApprovedLate_BreachesFirstResponse_EscalatesOnceEach_ThenResolvesInTime()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        DateTime opened = h.Now;
        SupportTicketInput input = h.Ticket("t-p0life", "تسريب بيانات العملاء", "بيانات عملائنا ظاهرة للكل في الرابط");
        Assert.Equal(TicketPriority.P0, input.Priority);
        string instanceId = await h.OpenAsync(input);

        // Intake: stored and routed to the founder, incident requested, founder paged, first response pending approval.
        SupportTicket ticket = (await h.Support.GetAsync(SupportHarness.Tenant, "t-p0life"))!;
        Assert.Equal(["founder"], ticket.Owners);
        Assert.Equal(opened.AddMinutes(30), ticket.FirstResponseDueAt);
        Assert.True(ticket.IncidentRequested);
        Assert.Equal("t-p0life", Assert.Single(h.Support.Incidents).TicketId);
        SupportAlert page = Assert.Single(h.Support.Alerts);
        Assert.Equal(("p0_ticket", "critical", "founder"), (page.Kind, page.Severity, page.OwnerRole));
        ReplyDraft draft = Assert.Single(h.Deals.Drafts);
        Assert.Equal(("t-p0life-fr", DraftKind.SupportFirstResponse, DraftStatus.PendingApproval), (draft.DraftId, draft.Kind, draft.Status));
        Assert.Contains("30 دقيقة", draft.Text, StringComparison.Ordinal);
        Assert.Equal((instanceId, "customer@example.com"), (draft.DealInstanceId, draft.To));

        // Approval SLA of a P0 first response (§4.4): reminder at 11.25 min, escalation at 15 min, once each.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(11.25));
        VerifyNotified(h, ApprovalStepKind.Reminder, Times.Once());
        VerifyNotified(h, ApprovalStepKind.Escalation, Times.Never());
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(3.75));
        VerifyNotified(h, ApprovalStepKind.Escalation, Times.Once());

        // Ticket SLA: first-response warning at 24 min (80 %), breach just past 30 min, both to the founder.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(9));
        Assert.Equal(["p0_ticket", "sla_warning"], h.Support.Alerts.Select(a => a.Kind));
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(6.1));
        SupportAlert breach = h.Support.Alerts[^1];
        Assert.Equal(("sla_breach", "critical", "founder"), (breach.Kind, breach.Severity, breach.OwnerRole));
        Assert.Contains(h.Support.Log(SupportHarness.Tenant, "t-p0life"), e => e.EventType == SlaEventType.Escalated);

        // Approved at 40 min: queued for the customer and recorded as the first response.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(40) - (h.Now - opened));
        Assert.True(await h.DecideAsync("t-p0life-fr", DraftDecisionKind.Approved));
        OutboundMessage sent = Assert.Single(h.Queued);
        Assert.Equal(("t-p0life-fr", instanceId, MessageChannel.Email), (sent.DraftId, sent.DealInstanceId, sent.Channel));
        SlaEvent response = h.Support.Log(SupportHarness.Tenant, "t-p0life").Single(e => e.EventType == SlaEventType.FirstResponseSent);
        Assert.Equal(opened.AddMinutes(40), response.OccurredAt);

        // Resolution: warning at 3 h 12 min; resolved at 3 h 30 min, so no resolution breach at 4 h.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(3.5) - (h.Now - opened));
        Assert.Equal(["p0_ticket", "sla_warning", "sla_breach", "sla_warning"], h.Support.Alerts.Select(a => a.Kind));
        Assert.True((await h.RecordAsync("t-p0life", SlaEventType.Resolved, TicketPriority.P0)).Accepted);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(2));
        Assert.Equal(4, h.Support.Alerts.Count);

        SlaBreach verdict = SlaBreachClassifier.Classify(h.Support.Log(SupportHarness.Tenant, "t-p0life"), h.Now)!;
        Assert.Equal((SlaTargetStatus.Breached, SlaTargetStatus.Met), (verdict.FirstResponse, verdict.Resolution));
        Assert.Equal(3, h.Support.Escalations.Count(e => e.Kind == "ticket_sla"));
        Assert.Equal(2, h.Support.Escalations.Count(e => e.Kind == "approval_sla"));
        Assert.All(h.Support.Escalations, e => Assert.True(e.Alerted));
        Assert.Equal("resolved", (await h.Support.GetAsync(SupportHarness.Tenant, "t-p0life"))!.Status);

        // A resolved ticket waits for a reopen, then completes.
        await h.Host.AdvanceTimeAsync(SupportTicketOrchestrator.ReopenGrace);
        OrchestrationMetadata done = await h.Host.GetInstanceAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        TicketOutcome outcome = (await h.Host.GetOutputAsync<TicketOutcome>(instanceId))!;
        Assert.Equal((opened.AddMinutes(40), opened.AddHours(3.5)), (outcome.FirstResponseAt, outcome.ResolvedAt));
        Assert.Equal(3, outcome.Escalations.Count);

        await SupportHistoriesTests.SaveIfAskedAsync(h, instanceId, "support-ticket.p0-breached.json");
        await SupportHistoriesTests.SaveIfAskedAsync(h, Dealix.Orchestrations.Deals.Lifecycle.DealKeys.ApprovalInstanceId(SupportHarness.Tenant, "t-p0life-fr"),
            "draft-approval.support-first-response.json");
    }

    [Fact]
    public async Task P2Ticket_AnsweredAndResolvedWithinTargets_NeverEscalates()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        SupportTicketInput input = h.Ticket("t-p2ok", "مشكلة في الربط مع سلة", "الطلبات ما توصل من المتجر", MessageChannel.WhatsApp);
        Assert.Equal(TicketPriority.P2, input.Priority);
        string instanceId = await h.OpenAsync(input);
        Assert.Empty(h.Support.Incidents);

        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(1));
        Assert.True(await h.DecideAsync("t-p2ok-fr", DraftDecisionKind.Approved));
        Assert.Equal(MessageChannel.WhatsApp, Assert.Single(h.Queued).Channel);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(9));
        Assert.True((await h.RecordAsync("t-p2ok", SlaEventType.Resolved, TicketPriority.P2)).Accepted);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromDays(4) + SupportTicketOrchestrator.ReopenGrace);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await h.Host.GetInstanceAsync(instanceId)).RuntimeStatus);
        Assert.Empty(h.Support.Alerts);
        Assert.Empty(h.Support.Escalations);
        h.Notifier.VerifyNoOtherCalls();
        SlaBreach verdict = SlaBreachClassifier.Classify(h.Support.Log(SupportHarness.Tenant, "t-p2ok"), h.Now)!;
        Assert.Equal((SlaTargetStatus.Met, SlaTargetStatus.Met), (verdict.FirstResponse, verdict.Resolution));
    }

    [Fact]
    public async Task FirstResponseByPhone_CancelsTheDraft_AndPriorityChangeReplansTheClock()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        DateTime opened = h.Now;
        // The priority as an operator would set it at intake; this test is about the clock, not the classifier.
        string instanceId = await h.OpenAsync(h.Ticket("t-p3", "Dark mode", "Could you add a dark mode to the dashboard?") with { Priority = TicketPriority.P3 });
        Assert.Equal(TicketPriority.P3, (await h.Support.GetAsync(SupportHarness.Tenant, "t-p3"))!.Priority);

        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(1));
        Assert.True((await h.RecordAsync("t-p3", SlaEventType.FirstResponseSent, TicketPriority.P3)).Accepted);
        Assert.Equal(DraftStatus.Cancelled, (await h.Deals.GetAsync(SupportHarness.Tenant, "t-p3-fr"))!.Status);

        // Raised to P1 at 1 h: the resolution target becomes 24 h from the opening, warning at 19.2 h to engineer + team lead.
        Assert.True((await h.RecordAsync("t-p3", SlaEventType.PriorityChanged, TicketPriority.P1)).Accepted);
        Assert.Equal(opened.AddHours(24), (await h.Support.GetAsync(SupportHarness.Tenant, "t-p3"))!.ResolutionDueAt);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(18.3));
        Assert.Equal(["engineer", "team_lead"], h.Support.Alerts.Select(a => a.OwnerRole));
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(5));
        Assert.Equal(("sla_breach", "founder"), (h.Support.Alerts[^1].Kind, h.Support.Alerts[^1].OwnerRole));
        Assert.Empty(h.Queued);
        await h.EnsureNotFailedAsync(instanceId);
    }

    private static void VerifyNotified(SupportHarness h, ApprovalStepKind kind, Times times) =>
        h.Notifier.Verify(n => n.NotifyAsync(SupportHarness.Tenant, "t-p0life-fr", kind, It.IsAny<string>(),
            Dealix.Orchestrations.Support.Rules.TicketKeys.ApprovalSlaKey(SupportHarness.Tenant, "t-p0life-fr", kind), It.IsAny<CancellationToken>()), times);
}
