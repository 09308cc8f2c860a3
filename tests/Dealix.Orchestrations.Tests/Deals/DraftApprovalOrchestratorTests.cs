using Dealix.Orchestrations.Deals.Contracts;
using Moq;

namespace Dealix.Orchestrations.Tests.Deals;

public sealed class DraftApprovalOrchestratorTests
{
    [Fact]
    public async Task DraftApproval_NoDecisionWithinSla_RemindsThenEscalatesThenExpires()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message("السلام عليكم، كم السعر؟", "m1"));
        string draftId = deal.Stores.Drafts.Single().DraftId;

        await deal.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(91));
        deal.Notifier.Verify(n => n.NotifyAsync(DealHarness.Tenant, draftId, ApprovalStepKind.Reminder, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        deal.Notifier.Verify(n => n.NotifyAsync(DealHarness.Tenant, draftId, ApprovalStepKind.Escalation, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);

        await deal.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(30));
        deal.Notifier.Verify(n => n.NotifyAsync(DealHarness.Tenant, draftId, ApprovalStepKind.Escalation, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);

        // WhatsApp: the draft expires when the 24-hour window closes and is never sent.
        await deal.Host.AdvanceTimeAsync(TimeSpan.FromHours(22));
        Assert.Equal(DraftStatus.Expired, (await deal.Stores.GetAsync(DealHarness.Tenant, draftId))!.Status);
        Assert.Equal(DraftDecision.Expired(draftId), await deal.Host.GetOutputAsync<DraftDecision>(Lifecycle(draftId)));
        Assert.Null((await deal.StatusAsync()).PendingDraftId);
        Assert.False(await deal.DecideAsync(draftId, DraftDecisionKind.Approved));
        Assert.Empty(deal.Queued);
    }

    [Fact]
    public async Task DraftApproval_DecisionBeforeReminder_NotifiesNobody()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message("السلام عليكم، كم السعر؟", "m1"));
        string draftId = deal.Stores.Drafts.Single().DraftId;

        await deal.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(30));
        await deal.DecideAsync(draftId, DraftDecisionKind.Rejected);
        await deal.Host.AdvanceTimeAsync(TimeSpan.FromDays(2));

        deal.Notifier.VerifyNoOtherCalls();
        Assert.Equal(DraftDecisionKind.Rejected, (await deal.Host.GetOutputAsync<DraftDecision>(Lifecycle(draftId)))!.Decision);
        Assert.Empty(deal.Queued);
    }

    private static string Lifecycle(string draftId) => Orchestrations.Deals.Lifecycle.DealKeys.ApprovalInstanceId(DealHarness.Tenant, draftId);
}
