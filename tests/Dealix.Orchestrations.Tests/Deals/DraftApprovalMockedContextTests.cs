using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.DurableTask;
using Moq;

namespace Dealix.Orchestrations.Tests.Deals;

/// <summary>
/// <see cref="DraftApprovalOrchestrator"/> on a Moq <see cref="TaskOrchestrationContext"/>, as Durable Functions users
/// unit-test an orchestrator (issue 11, item 7): the timers, the decision event and the activities are set up on the
/// mock. The virtual-clock tests in <see cref="DraftApprovalOrchestratorTests"/> run the same orchestrator on the engine.
/// </summary>
public sealed class DraftApprovalMockedContextTests
{
    private const string DraftId = "d-1";
    private const string DealId = "deal:acme:wa-1";
    private static readonly string ApprovalId = $"approval:acme:{DraftId}";

    /// <summary>Sunday 2026-11-22 06:00 UTC.</summary>
    private static readonly DateTime RequestedAt = new(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc);

    /// <summary>A WhatsApp reply in qualifying: reminder at 1.5 h, escalation at 2 h, expiry when the window closes.</summary>
    private static readonly DraftApprovalInput Reply = new(
        "acme", DraftId, DealId, DraftKind.Reply, DealStage.Qualifying, MessageChannel.WhatsApp, "corr-1", RequestedAt.AddHours(24));

    [Fact]
    public async Task DraftApproval_DecisionBeforeReminder_ReturnsItCancelsTheTimerAndNotifiesNobody()
    {
        var context = new MockedOrchestrationContext(ApprovalId, RequestedAt);
        var decided = new TaskCompletionSource<DraftDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Mock.Setup(c => c.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided, It.IsAny<CancellationToken>())).Returns(decided.Task);
        var timers = new List<(DateTime FireAt, CancellationToken Token)>();
        context.Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken token) =>
            {
                timers.Add((fireAt, token));
                return new TaskCompletionSource().Task; // the reminder is not due yet
            });
        context.Activity(NotifyOperator.Name, _ => true).Activity(CloseDraft.Name, _ => true);

        Task<DraftDecision> run = new DraftApprovalOrchestrator().RunAsync(context.Context, Reply);
        var approved = new DraftDecision(DraftId, DraftDecisionKind.Approved, "op-1", CorrelationId: "corr-1");
        decided.SetResult(approved);
        DraftDecision result = await run;

        Assert.Equal(approved, result);
        (DateTime fireAt, CancellationToken token) = Assert.Single(timers);
        Assert.Equal(RequestedAt.AddMinutes(90), fireAt);
        Assert.True(token.IsCancellationRequested, "the open reminder timer must be cancelled");
        Assert.Empty(context.Calls);
        context.Mock.Verify(c => c.SendEvent(DealId, DealEvents.DraftResolved, approved), Times.Once);
    }

    [Fact]
    public async Task DraftApproval_NoDecisionWithinSla_RemindsThenEscalatesThenExpires()
    {
        var context = new MockedOrchestrationContext(ApprovalId, RequestedAt);
        context.Mock.Setup(c => c.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided, It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<DraftDecision>().Task);
        var timers = new List<DateTime>();
        context.Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) =>
            {
                timers.Add(fireAt);
                context.Now = fireAt; // the timer won: the orchestration resumes at its fire time
                return Task.CompletedTask;
            });
        context.Activity(NotifyOperator.Name, _ => true).Activity(CloseDraft.Name, _ => true);

        DraftDecision result = await new DraftApprovalOrchestrator().RunAsync(context.Context, Reply);

        Assert.Equal(DraftDecision.Expired(DraftId), result);
        Assert.Equal([RequestedAt.AddMinutes(90), RequestedAt.AddHours(2), RequestedAt.AddHours(24)], timers);
        Assert.Equal([NotifyOperator.Name, NotifyOperator.Name, CloseDraft.Name], context.CalledNames);
        IReadOnlyList<NotifyOperatorInput> notices = context.InputsOf<NotifyOperatorInput>(NotifyOperator.Name);
        Assert.Equal([ApprovalStepKind.Reminder, ApprovalStepKind.Escalation], notices.Select(n => n.Kind));
        Assert.All(notices, n => Assert.Equal(("acme", DraftId, "corr-1"), (n.TenantId, n.DraftId, n.CorrelationId)));
        Assert.All(context.Calls.Where(c => c.Name == NotifyOperator.Name), c => Assert.Same(Retries.Notification, c.Options));
        CloseDraftInput close = Assert.Single(context.InputsOf<CloseDraftInput>(CloseDraft.Name));
        Assert.Equal((DraftStatus.Expired, "approval_sla_expired"), (close.Status, close.Reason));
        context.Mock.Verify(c => c.SendEvent(DealId, DealEvents.DraftResolved, DraftDecision.Expired(DraftId)), Times.Once);
    }

    [Fact]
    public async Task DraftApproval_OperatorDecidesAsTheDraftExpires_ReturnsTheOperatorsDecision()
    {
        var context = new MockedOrchestrationContext(ApprovalId, RequestedAt);
        var decided = new TaskCompletionSource<DraftDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Mock.Setup(c => c.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided, It.IsAny<CancellationToken>())).Returns(decided.Task);
        context.Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var approved = new DraftDecision(DraftId, DraftDecisionKind.Approved, "op-1");

        // The operator's conditional update won: CloseDraft ends nothing, and the decision event is on its way.
        context.Activity(NotifyOperator.Name, _ => true).Activity(CloseDraft.Name, _ =>
        {
            decided.SetResult(approved);
            return false;
        });

        DraftDecision result = await new DraftApprovalOrchestrator().RunAsync(context.Context, Reply);

        Assert.Equal(approved, result);
        context.Mock.Verify(c => c.SendEvent(DealId, DealEvents.DraftResolved, approved), Times.Once);
        context.Mock.Verify(c => c.SendEvent(It.IsAny<string>(), It.IsAny<string>(), DraftDecision.Expired(DraftId)), Times.Never);
    }

    [Fact]
    public async Task DraftApproval_RunAgainOnTheSameHistory_PassesTheSameIdempotencyKeys()
    {
        IReadOnlyList<string> first = await KeysOfAnExpiringRunAsync(RequestedAt);
        IReadOnlyList<string> replayed = await KeysOfAnExpiringRunAsync(RequestedAt);
        IReadOnlyList<string> restartedLater = await KeysOfAnExpiringRunAsync(RequestedAt.AddDays(3));

        Assert.Equal(3, first.Count);
        Assert.Equal(first, replayed);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Empty(first.Intersect(restartedLater));
    }

    private static async Task<IReadOnlyList<string>> KeysOfAnExpiringRunAsync(DateTime start)
    {
        var context = new MockedOrchestrationContext(ApprovalId, start);
        context.Mock.Setup(c => c.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided, It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<DraftDecision>().Task);

        // The clock stands still here, so the reminder, the escalation and the expiry must be keyed apart by themselves.
        context.Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        context.Activity(NotifyOperator.Name, _ => true).Activity(CloseDraft.Name, _ => true);

        await new DraftApprovalOrchestrator().RunAsync(context.Context, Reply with { WindowClosesAt = start.AddHours(24) });

        return
        [
            .. context.InputsOf<NotifyOperatorInput>(NotifyOperator.Name).Select(n => n.IdempotencyKey),
            .. context.InputsOf<CloseDraftInput>(CloseDraft.Name).Select(c => c.IdempotencyKey),
        ];
    }
}
