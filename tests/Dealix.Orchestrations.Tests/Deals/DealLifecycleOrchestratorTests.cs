using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask.Client;
using Moq;

namespace Dealix.Orchestrations.Tests.Deals;

public sealed class DealLifecycleOrchestratorTests
{
    internal const string PriceQuestion = "السلام عليكم، كم السعر؟";

    [Fact]
    public async Task DealLifecycle_PriceQuestion_CreatesPendingDraftAndMovesToQualifying()
    {
        await using DealHarness deal = await DealHarness.StartAsync();

        await deal.DeliverAsync(deal.Message(PriceQuestion, "wamid.1"));

        ReplyDraft draft = Assert.Single(deal.Stores.Drafts);
        Assert.Equal(DraftStatus.PendingApproval, draft.Status);
        Assert.Equal(ReplyIntent.AskPrice, draft.Category);
        Assert.Equal(DealHarness.Phone, draft.To);
        Assert.Contains(ReplyTemplates.ForCategory(ReplyIntent.AskPrice)!, draft.Text, StringComparison.Ordinal);
        Assert.Contains(ReplyTemplates.FirstQualificationQuestion, draft.Text, StringComparison.Ordinal);
        DealStatus status = await deal.StatusAsync();
        Assert.Equal(DealStage.Qualifying, status.Stage);
        Assert.Equal(draft.DraftId, status.PendingDraftId);
        OrchestrationMetadata approval = await deal.Host.GetInstanceAsync(DealKeys.ApprovalInstanceId(DealHarness.Tenant, draft.DraftId));
        Assert.Equal(OrchestrationRuntimeStatus.Running, approval.RuntimeStatus);
        Assert.Empty(deal.Queued);
    }

    [Fact]
    public async Task DealLifecycle_ApprovedDraft_QueuesExactlyOneSendUnderTheMessagesCorrelationId()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message(PriceQuestion, "wamid.1", "corr-42"));
        string draftId = deal.Stores.Drafts.Single().DraftId;

        Assert.True(await deal.DecideAsync(draftId, DraftDecisionKind.Approved));
        Assert.False(await deal.DecideAsync(draftId, DraftDecisionKind.Approved)); // a second decision changes nothing

        OutboundMessage sent = Assert.Single(deal.Queued);
        Assert.Equal(draftId, sent.DraftId);
        Assert.Equal("corr-42", sent.CorrelationId);
        Assert.False(sent.AutoApproved);
        Assert.Null((await deal.StatusAsync()).PendingDraftId);
        string[] steps = [.. (await deal.Stores.ListAsync(DealHarness.Tenant, "corr-42")).Select(e => e.Action)];
        Assert.Equal(["classify", "stage_transition", "draft_created", "send_queued"], steps);
    }

    [Fact]
    public async Task DealLifecycle_SameMessageDeliveredTwice_IsHandledOnce()
    {
        await using DealHarness deal = await DealHarness.StartAsync();

        await deal.DeliverAsync(deal.Message(PriceQuestion, "wamid.1"));
        await deal.DeliverAsync(deal.Message(PriceQuestion, "wamid.1"));

        deal.Classifier.Verify(c => c.ClassifyAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Single(deal.Stores.Drafts);
    }

    [Fact]
    public async Task DealLifecycle_OptOutWhileDraftPending_SuppressesCancelsAndEnds()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message(PriceQuestion, "wamid.1"));
        string draftId = deal.Stores.Drafts.Single().DraftId;

        await deal.DeliverAsync(deal.Message("إلغاء الاشتراك", "wamid.2"));

        Assert.Equal(DraftStatus.Cancelled, deal.Stores.Drafts.Single().Status);
        Assert.NotNull(await deal.Stores.FindAsync(DealHarness.Tenant, MessageChannel.WhatsApp, DealHarness.Phone));
        OrchestrationMetadata instance = await deal.Host.GetInstanceAsync(DealHarness.DealId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(DealStage.OptedOut, instance.ReadOutputAs<DealOutcome>()!.Stage);
        Assert.Equal(DealStage.OptedOut, instance.ReadCustomStatusAs<DealStatus>()!.Stage);
        OrchestrationMetadata approval = await deal.Host.GetInstanceAsync(DealKeys.ApprovalInstanceId(DealHarness.Tenant, draftId));
        Assert.Equal(DraftDecisionKind.Cancelled, approval.ReadOutputAs<DraftDecision>()!.Decision);
        Assert.False(await deal.DecideAsync(draftId, DraftDecisionKind.Approved)); // too late: the draft is cancelled
        Assert.Empty(deal.Queued);
    }

    [Fact]
    public async Task DealLifecycle_MessageAfterOptOut_CreatesNoDraft()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message("stop", "wamid.1"));

        await deal.DeliverAsync(deal.Message(PriceQuestion, "wamid.2"));

        Assert.Empty(deal.Stores.Drafts);
        OrchestrationMetadata instance = await deal.Host.GetInstanceAsync(DealHarness.DealId);
        Assert.Equal(DealStage.OptedOut, instance.ReadCustomStatusAs<DealStatus>()!.Stage);
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "inbound_from_suppressed");
        deal.Classifier.Verify(c => c.ClassifyAsync(PriceQuestion, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DealLifecycle_AutoSendNotEnabled_DraftsEvenAnAutoReplyCategory()
    {
        await using DealHarness deal = await DealHarness.StartAsync();

        await deal.DeliverAsync(deal.Message("I am interested", "m1"));

        Assert.Equal(DraftStatus.PendingApproval, deal.Stores.Drafts.Single().Status);
        Assert.Empty(deal.Queued);
    }

    [Fact]
    public async Task DealLifecycle_AutoSendAllowed_QueuesTheTemplateWithoutApproval()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        deal.TenantSettings = LiveAutoReply();

        await deal.DeliverAsync(deal.Message("can we get a demo", "m1"));

        ReplyDraft draft = deal.Stores.Drafts.Single();
        Assert.Equal(DraftStatus.Approved, draft.Status);
        Assert.True(draft.AutoApproved);
        Assert.Contains("https://book.example/acme", draft.Text, StringComparison.Ordinal);
        Assert.True(Assert.Single(deal.Queued).AutoApproved);
        Assert.Equal(DealStage.Qualified, (await deal.StatusAsync()).Stage);
    }

    [Fact]
    public async Task DealLifecycle_KillSwitchOn_AutoReplyBecomesADraft()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        deal.TenantSettings = LiveAutoReply();
        deal.Paused = true;

        await deal.DeliverAsync(deal.Message("can we get a demo", "m1"));

        Assert.Equal(DraftStatus.PendingApproval, deal.Stores.Drafts.Single().Status);
        Assert.Empty(deal.Queued);
    }

    [Fact]
    public async Task DealLifecycle_NewMessageWhileDraftPending_SupersedesTheOldDraft()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message(PriceQuestion, "m1"));
        string first = deal.Stores.Drafts.Single().DraftId;

        await deal.DeliverAsync(deal.Message("what is the price again", "m2"));

        Assert.Equal(DraftStatus.Cancelled, deal.Stores.Drafts.Single(d => d.DraftId == first).Status);
        ReplyDraft second = deal.Stores.Drafts.Single(d => d.DraftId != first);
        Assert.Equal(DraftStatus.PendingApproval, second.Status);
        Assert.Equal(second.DraftId, (await deal.StatusAsync()).PendingDraftId);
    }

    [Fact]
    public async Task DealLifecycle_QualifyingWithoutReply_DraftsFollowUpsThenNurtures()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message(PriceQuestion, "m1"));
        await deal.DecideAsync(deal.Stores.Drafts.Single().DraftId, DraftDecisionKind.Approved);

        // Sunday 09:00 AST + 3 business days = Wednesday: the first follow-up draft.
        await deal.Host.AdvanceTimeAsync(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        ReplyDraft followUp = deal.Stores.Drafts[^1];
        Assert.Equal(DraftKind.FollowUp, followUp.Kind);
        Assert.Equal(DraftStatus.PendingApproval, followUp.Status);

        // Nobody approves: it expires after 72 h; +7 and +10 business days bring the second follow-up, then nurturing.
        await deal.Host.AdvanceTimeAsync(TimeSpan.FromDays(14));
        Assert.Equal(DraftStatus.Expired, followUp.DraftId is { } id ? (await deal.Stores.GetAsync(DealHarness.Tenant, id))!.Status : default);
        Assert.Equal(2, deal.Stores.Drafts.Count(d => d.Kind == DraftKind.FollowUp));
        Assert.Equal(DealStage.Nurturing, (await deal.StatusAsync()).Stage);
        Assert.Single(deal.Queued); // only the approved reply; follow-ups were never approved
    }

    [Fact]
    public async Task DealLifecycle_FollowUpDueWhilePaused_DraftsNothingUntilResumed()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message(PriceQuestion, "m1"));
        await deal.DecideAsync(deal.Stores.Drafts.Single().DraftId, DraftDecisionKind.Rejected);
        deal.Paused = true;

        await deal.Host.AdvanceTimeAsync(TimeSpan.FromDays(3) + TimeSpan.FromHours(3));
        Assert.Single(deal.Stores.Drafts);
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "follow_up_skipped");

        deal.Paused = false;
        await deal.Host.AdvanceTimeAsync(TimeSpan.FromHours(2));
        Assert.Equal(DraftKind.FollowUp, deal.Stores.Drafts[^1].Kind);
    }

    [Fact]
    public async Task DealLifecycle_OperatorEventsToClosedWon_AssembleOneEvidencePack()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message("can we get a demo", "m1"));
        await deal.DecideAsync(deal.Stores.Drafts.Single().DraftId, DraftDecisionKind.Approved);

        foreach (string name in new[] { "meeting_scheduled", "meeting_completed", "proposal_sent", "terms_agreed", "payment_confirmed", "pilot_converted" })
        {
            await deal.RaiseStageEventAsync(new DealStageEvent(name, "op-1", "corr-ops"));
        }

        await deal.RaiseStageEventAsync(new DealStageEvent("pilot_converted", "op-1", "corr-ops")); // no row: nothing happens
        Assert.Equal(DealStage.ClosedWon, (await deal.StatusAsync()).Stage);
        EvidencePack pack = Assert.Single(deal.Stores.Packs);
        Assert.Equal(EvidencePackBuilder.Hash(pack.CanonicalJson), pack.Sha256);
        Assert.Contains("\"approvals\":[{", pack.CanonicalJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DealLifecycle_MoveIntoApprovalStageWithoutCorrelationId_IsRefusedAndAudited()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message("can we get a demo", "m1"));
        foreach (string name in new[] { "meeting_scheduled", "meeting_completed", "proposal_sent" })
        {
            await deal.RaiseStageEventAsync(new DealStageEvent(name, "op-1", "corr-ops"));
        }

        await deal.RaiseStageEventAsync(new DealStageEvent("terms_agreed", "op-1", ""));

        Assert.Equal(DealStage.ProposalSent, (await deal.StatusAsync()).Stage);
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "missing_correlation_id" && e.Outcome == "refused" && e.Actor == "op-1");
    }

    [Fact]
    public async Task DealLifecycle_AskPriceAfterProposal_ProposesNegotiatingAndMovesOnlyWhenApproved()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message("can we get a demo", "m1"));
        await deal.DecideAsync(deal.Stores.Drafts.Single().DraftId, DraftDecisionKind.Approved);
        foreach (string name in new[] { "meeting_scheduled", "meeting_completed", "proposal_sent" })
        {
            await deal.RaiseStageEventAsync(new DealStageEvent(name, "op-1", "corr-ops"));
        }

        await deal.DeliverAsync(deal.Message("what is the price", "m2"));
        ReplyDraft draft = deal.Stores.Drafts[^1];
        Assert.Equal(DealStage.Negotiating, draft.ProposedStage);
        Assert.Equal(ReplyTemplates.ForStage(DealStage.Negotiating), draft.Text);
        Assert.Equal(DealStage.ProposalSent, (await deal.StatusAsync()).Stage);

        await deal.DecideAsync(draft.DraftId, DraftDecisionKind.Approved, reviewer: "founder");

        Assert.Equal(DealStage.Negotiating, (await deal.StatusAsync()).Stage);
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "stage_transition" && e.To == "negotiating" && e.Actor == "founder" && e.Outcome == "approved");
    }

    [Fact]
    public async Task DealLifecycle_Complaint_PausesContactAndStopsFollowUps()
    {
        await using DealHarness deal = await DealHarness.StartAsync();
        await deal.DeliverAsync(deal.Message(PriceQuestion, "m1"));

        await deal.DeliverAsync(deal.Message("this is spam", "m2"));

        DealStatus status = await deal.StatusAsync();
        Assert.True(status.ContactPaused);
        Assert.Null(status.NextFollowUpAt);
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "contact_paused" && e.To == "founder");
    }

    private static DealSettings LiveAutoReply() => new(
        new HashSet<MessageChannel> { MessageChannel.WhatsApp }, AutoReplyEnabled: true,
        new Dictionary<string, string> { ["booking_link"] = "https://book.example/acme", ["one_pager_link"] = "https://acme.example/one-pager" });
}
