using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace Dealix.Orchestrations.Tests.Support;

/// <summary>The 5-minute sweep of §18 catches what lost timers missed, once, and agrees with the orchestrations.</summary>
public sealed class SlaSweepTests
{
    [Fact]
    public async Task TicketWhoseTimerWasLost_IsEscalatedOnce_AcrossRepeatedSweeps()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        await OpenWithoutWorkflowAsync(h, "t-lost", TicketPriority.P1);

        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(2.1)); // past the P1 first-response warning (96 min) and breach (2 h)
        SlaSweeper sweeper = h.Service<SlaSweeper>();
        SweepResult first = await sweeper.SweepTicketsAsync("corr-sweep-1");
        SweepResult second = await sweeper.SweepTicketsAsync("corr-sweep-2");

        Assert.Equal((1, 2), (first.Examined, first.Escalated));
        Assert.Equal((1, 0), (second.Examined, second.Escalated));
        Assert.Equal(["sla_warning:engineer", "sla_warning:team_lead", "sla_breach:founder"], h.Support.Alerts.Select(a => $"{a.Kind}:{a.OwnerRole}"));
        Assert.All(h.Support.Escalations, e => Assert.Equal(("sweep", true), (e.RecordedBy, e.Alerted)));
        Assert.Single(h.Support.Log(SupportHarness.Tenant, "t-lost"), e => e.EventType == SlaEventType.Escalated);
    }

    [Fact]
    public async Task TicketWhoseTimersFired_IsNotEscalatedAgainBySweep()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        SupportTicketInput input = h.Ticket("t-timer", "Service down", "The dashboard is down for everyone") with { ReplyTo = null };
        Assert.Equal(TicketPriority.P1, input.Priority);
        await h.OpenAsync(input);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(2.1));
        Assert.Equal(3, h.Support.Alerts.Count);

        SweepResult swept = await h.Service<SlaSweeper>().SweepTicketsAsync("corr-sweep");

        Assert.Equal((1, 0), (swept.Examined, swept.Escalated));
        Assert.Equal(3, h.Support.Alerts.Count);
        Assert.All(h.Support.Escalations, e => Assert.Equal("orchestration", e.RecordedBy));
    }

    [Fact]
    public async Task SweepFirst_ThenTheLateTimer_FindsTheLevelDone()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        await OpenWithoutWorkflowAsync(h, "t-race", TicketPriority.P2);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(7));
        TicketSlaView view = TicketSlaPlan.View(SupportHarness.Tenant, "t-race", h.Support.Log(SupportHarness.Tenant, "t-race"))!;
        SlaCheckpoint warning = Assert.Single(TicketSlaPlan.Due(view, h.Now));
        TicketEscalator escalator = h.Service<TicketEscalator>();

        EscalationResult bySweep = await escalator.EscalateAsync(SupportHarness.Tenant, "t-race", warning, "c1", "sweep");
        EscalationResult byTimer = await escalator.EscalateAsync(SupportHarness.Tenant, "t-race", warning, "c2", "orchestration");

        Assert.Equal((EscalationResult.Escalated, EscalationResult.AlreadyEscalated), (bySweep.Outcome, byTimer.Outcome));
        Assert.Equal(2, h.Support.Alerts.Count); // P2 owners: operator + engineer, once each
    }

    [Fact]
    public async Task PendingDraftWhoseApprovalTimerWasLost_IsRemindedAndEscalatedOnce()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        await h.Deals.CreateAsync(Draft("d-lost", h.Now));
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(3)); // an e-mail reply: reminder at 1.5 h, escalation at 2 h

        SlaSweeper sweeper = h.Service<SlaSweeper>();
        SweepResult first = await sweeper.SweepApprovalsAsync();
        SweepResult second = await sweeper.SweepApprovalsAsync();

        Assert.Equal((1, 2), (first.Examined, first.Escalated));
        Assert.Equal(0, second.Escalated);
        foreach (ApprovalStepKind kind in new[] { ApprovalStepKind.Reminder, ApprovalStepKind.Escalation })
        {
            h.Notifier.Verify(n => n.NotifyAsync(SupportHarness.Tenant, "d-lost", kind, "corr-d-lost",
                TicketKeys.ApprovalSlaKey(SupportHarness.Tenant, "d-lost", kind), It.IsAny<CancellationToken>()), Times.Once);
        }

        Assert.Equal(2, h.Deals.Ledger.Count(l => l.ApprovalId == "d-lost" && l.Action.StartsWith("approval_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DraftWhoseApprovalTimersFired_IsNotNotifiedAgainBySweep()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        await h.OpenAsync(h.Ticket("t-appr", "Dark mode", "Could you add a dark mode?") with { Priority = TicketPriority.P3 });
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(13)); // P3 first response: approval reminder at 9 h, escalation at 12 h
        h.Notifier.Verify(n => n.NotifyAsync(SupportHarness.Tenant, "t-appr-fr", It.IsAny<ApprovalStepKind>(), It.IsAny<string>(), It.IsAny<string>(),
            It.IsAny<CancellationToken>()), Times.Exactly(2));

        SweepResult swept = await h.Service<SlaSweeper>().SweepApprovalsAsync();

        Assert.Equal((1, 0), (swept.Examined, swept.Escalated));
        h.Notifier.Verify(n => n.NotifyAsync(SupportHarness.Tenant, "t-appr-fr", It.IsAny<ApprovalStepKind>(), It.IsAny<string>(), It.IsAny<string>(),
            It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task SweepTicks_SkipWhilePaused_ThenEscalateOnce()
    {
        await using SupportHarness h = await SupportHarness.StartAsync();
        await OpenWithoutWorkflowAsync(h, "t-tick", TicketPriority.P0);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(31));

        h.Paused = true;
        const string paused = "sched:sla-sweep:20261122T0930";
        await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(SlaSweepOrchestrator.Name, new SlaSweepInput("20261122T0930", "c-1"),
            new StartOrchestrationOptions(paused));
        Assert.Equal(new SweepResult(0, 0, "paused"), await h.Host.GetOutputAsync<SweepResult>(paused));
        Assert.Empty(h.Support.Escalations);

        h.Paused = false;
        const string tick = "sched:sla-sweep:20261122T0935";
        await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(SlaSweepOrchestrator.Name, new SlaSweepInput("20261122T0935", "c-2"),
            new StartOrchestrationOptions(tick));
        Assert.Equal(new SweepResult(1, 2), await h.Host.GetOutputAsync<SweepResult>(tick));

        // The next tick (or a duplicate delivery of work already done) finds every level recorded.
        const string next = "sched:sla-sweep:20261122T0940";
        await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(SlaSweepOrchestrator.Name, new SlaSweepInput("20261122T0940", "c-3"),
            new StartOrchestrationOptions(next));
        Assert.Equal(new SweepResult(1, 0), await h.Host.GetOutputAsync<SweepResult>(next));
        Assert.Equal(2, h.Support.Escalations.Count);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await h.Host.GetInstanceAsync(tick)).RuntimeStatus);
    }

    private static async Task OpenWithoutWorkflowAsync(SupportHarness h, string ticketId, TicketPriority priority)
    {
        PriorityTier tier = SupportPriorities.For(priority);
        await h.Support.CreateAsync(new SupportTicket
        {
            TicketId = ticketId,
            TenantId = SupportHarness.Tenant,
            InstanceId = TicketKeys.InstanceId(SupportHarness.Tenant, ticketId),
            Source = "api",
            Priority = priority,
            Owners = tier.Owners,
            MatchedKeywords = [],
            Reason = "test",
            Status = "open",
            OpenedAt = h.Now,
            FirstResponseDueAt = h.Now + tier.FirstResponseTarget,
            ResolutionDueAt = h.Now + tier.ResolutionTarget,
            CorrelationId = $"corr-{ticketId}",
        });
        (SlaEventValidation v, _) = await h.Service<TicketSlaRecorder>().RecordAsync(
            new SlaEvent(ticketId, SupportHarness.Tenant, SlaEventType.TicketOpened, priority, h.Now, "customer", $"corr-{ticketId}"), $"open-{ticketId}");
        Assert.True(v.Accepted);
    }

    private static ReplyDraft Draft(string id, DateTime createdAt) => new()
    {
        DraftId = id,
        TenantId = SupportHarness.Tenant,
        DealInstanceId = "deal:acme:em-1",
        ContactId = "em-1",
        Channel = MessageChannel.Email,
        To = "lead@example.com",
        Text = "…",
        Kind = DraftKind.Reply,
        Category = "ask_price",
        Stage = DealStage.NewLead,
        Status = DraftStatus.PendingApproval,
        CorrelationId = $"corr-{id}",
        CreatedAt = createdAt,
        ExpiresAt = createdAt.AddHours(48),
    };
}
