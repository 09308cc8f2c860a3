using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Deals.Activities;

/// <summary>
/// <see cref="NotifyOperator"/> notifies and audits under one key per draft and step
/// (<c>approval-sla:{tenant}:{draft}:{step}</c>), shared with the 5-minute approval-SLA sweep, so a retry, a replayed
/// call or the sweep rewrite the same line and never notify twice.
/// </summary>
public sealed class NotifyOperatorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_RetriedWithTheSameInput_NotifiesAndAuditsUnderTheDraftStepKey()
    {
        var stores = new InMemoryDealStores();
        var notifier = new Mock<IOperatorNotifier>();
        const string key = "approval-sla:acme:d-1:reminder";
        notifier.Setup(n => n.NotifyAsync("acme", "d-1", ApprovalStepKind.Reminder, "corr-1", key, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var activity = new NotifyOperator(notifier.Object, stores, new FakeTimeProvider(At));
        var input = new NotifyOperatorInput("acme", "d-1", ApprovalStepKind.Reminder, "corr-1", "k-1");

        Assert.True(await activity.RunAsync(Context(), input));
        Assert.True(await activity.RunAsync(Context(), input with { IdempotencyKey = "k-2" }));

        notifier.Verify(n => n.NotifyAsync("acme", "d-1", ApprovalStepKind.Reminder, "corr-1", key, It.IsAny<CancellationToken>()), Times.Exactly(2));
        AuditEntry line = Assert.Single(stores.Ledger);
        Assert.Equal((AuditIds.From(key), "approval_reminder", "notified"), (line.EntryId, line.Action, line.Outcome));
    }

    [Fact]
    public async Task RunAsync_InputScheduledBeforeKeysWerePassed_UsesOneStableKeyPerCall()
    {
        var stores = new InMemoryDealStores();
        var keys = new List<string>();
        var notifier = new Mock<IOperatorNotifier>();
        notifier.Setup(n => n.NotifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ApprovalStepKind>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<CancellationToken>()))
            .Callback((string _, string _, ApprovalStepKind _, string _, string key, CancellationToken _) => keys.Add(key))
            .ReturnsAsync(true);
        var activity = new NotifyOperator(notifier.Object, stores, new FakeTimeProvider(At));
        var reminder = new NotifyOperatorInput("acme", "d-1", ApprovalStepKind.Reminder, "corr-1", IdempotencyKey: null!);

        await activity.RunAsync(Context(), reminder);
        await activity.RunAsync(Context(), reminder);
        await activity.RunAsync(Context(), reminder with { Kind = ApprovalStepKind.Escalation });

        Assert.Equal(3, keys.Count);
        Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(k)));
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.Equal(2, stores.Ledger.Count);
    }

    private static TaskActivityContext Context()
    {
        var context = new Mock<TaskActivityContext>();
        context.SetupGet(c => c.Name).Returns(new TaskName(NotifyOperator.Name));
        context.SetupGet(c => c.InstanceId).Returns("approval:acme:d-1");
        return context.Object;
    }
}
