using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Microsoft.DurableTask;
using Moq;

namespace Dealix.Orchestrations.Tests.Deals;

/// <summary>
/// <see cref="DealLifecycleOrchestrator"/> on a Moq <see cref="TaskOrchestrationContext"/>, as Durable Functions users
/// unit-test an orchestrator (issue 11, item 7): activity results, events and timers are set up on the mock, and the
/// tests assert which activities ran with which inputs, what the generation continued with and what it returned. The
/// virtual-clock tests in <see cref="DealLifecycleOrchestratorTests"/> run the same orchestrator on the engine.
/// </summary>
public sealed class DealLifecycleMockedContextTests
{
    private const string Tenant = "acme";
    private const string Phone = "966511111111";
    private static readonly string ContactId = DealKeys.ContactId(Tenant, MessageChannel.WhatsApp, Phone);
    private static readonly string DealId = DealKeys.DealInstanceId(Tenant, ContactId);

    /// <summary>Sunday 2026-11-22 06:00 UTC.</summary>
    private static readonly DateTime Now = new(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task DealLifecycle_FirstMessageIsOptOut_SuppressesTheContactAndEndsWithoutDrafting()
    {
        MockedOrchestrationContext context = Deal(classifiedAs: ReplyIntent.Unsubscribe,
            transition: new StageTransition(DealStage.NewLead, DealStage.OptedOut, ReplyIntent.Unsubscribe, false, null, []));

        DealOutcome? outcome = await new DealLifecycleOrchestrator().RunAsync(context.Context, FirstGeneration("STOP"));

        Assert.Equal(new DealOutcome(DealStage.OptedOut, Tenant, ContactId, "unsubscribe"), outcome);
        Assert.Equal([CheckContactSuppression.Name, ClassifyInboundMessage.Name, DecideStageTransition.Name, OptOutContact.Name], context.CalledNames);
        OptOutInput optOut = Assert.Single(context.InputsOf<OptOutInput>(OptOutContact.Name));
        Assert.Equal((Tenant, ContactId, DealId, MessageChannel.WhatsApp, Phone, "wamid.1", "corr-1"),
            (optOut.TenantId, optOut.ContactId, optOut.DealInstanceId, optOut.Channel, optOut.Address, optOut.SourceMessageId, optOut.CorrelationId));
        context.Mock.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
        context.Mock.Verify(c => c.SetCustomStatus(It.Is<DealStatus>(s => s.Stage == DealStage.OptedOut)), Times.AtLeastOnce);
    }

    [Fact]
    public async Task DealLifecycle_MessageFromUnsubscribedContact_AuditsItAndEndsWithoutClassifying()
    {
        MockedOrchestrationContext context = Deal(suppressedAs: "unsubscribe");

        DealOutcome? outcome = await new DealLifecycleOrchestrator().RunAsync(context.Context, FirstGeneration("مرحبا"));

        Assert.Equal(new DealOutcome(DealStage.OptedOut, Tenant, ContactId, "suppressed"), outcome);
        Assert.Equal([CheckContactSuppression.Name, RecordAudit.Name], context.CalledNames);
        RecordAuditInput audit = Assert.Single(context.InputsOf<RecordAuditInput>(RecordAudit.Name));
        Assert.Equal(("inbound_from_suppressed", "no_draft", "corr-1"), (audit.Action, audit.Outcome, audit.CorrelationId));
    }

    [Fact]
    public async Task DealLifecycle_PriceQuestion_DraftsStartsItsApprovalAndContinuesAsNew()
    {
        MockedOrchestrationContext context = Deal(classifiedAs: ReplyIntent.AskPrice,
            transition: new StageTransition(DealStage.NewLead, DealStage.Qualifying, ReplyIntent.AskPrice, false, null, []));
        (string Name, object? Input, TaskOptions? Options)? approval = null;
        context.Mock.Setup(c => c.CallSubOrchestratorAsync<DraftDecision>(DraftApprovalOrchestrator.Name, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? options) =>
            {
                approval = (name.Name, input, options);
                return new TaskCompletionSource<DraftDecision>().Task; // the approval reports back later, as DraftResolved
            });
        DealState? next = null;
        context.Mock.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback((object? state, bool _) => next = (DealState)state!);

        DealOutcome? outcome = await new DealLifecycleOrchestrator().RunAsync(context.Context, FirstGeneration("كم السعر؟"));

        Assert.Null(outcome);
        Assert.Equal([CheckContactSuppression.Name, ClassifyInboundMessage.Name, DecideStageTransition.Name, EvaluateReplyPolicy.Name, CreateReplyDraft.Name],
            context.CalledNames);
        ReplyDraft draft = Assert.Single(context.InputsOf<CreateDraftInput>(CreateReplyDraft.Name)).Draft;
        Assert.Equal((DraftStatus.PendingApproval, ReplyIntent.AskPrice, Phone, "corr-1"), (draft.Status, draft.Category, draft.To, draft.CorrelationId));
        Assert.NotNull(approval);
        var approvalInput = (DraftApprovalInput)approval.Value.Input!;
        Assert.Equal((draft.DraftId, DealId, DraftKind.Reply, Now.AddHours(24)),
            (approvalInput.DraftId, approvalInput.DealInstanceId, approvalInput.Kind, approvalInput.WindowClosesAt));
        Assert.Equal(DealKeys.ApprovalInstanceId(Tenant, draft.DraftId), Assert.IsType<SubOrchestrationOptions>(approval.Value.Options).InstanceId);
        Assert.NotNull(next);
        Assert.Equal(DealStage.Qualifying, next.Stage);
        Assert.Equal(new PendingApproval(draft.DraftId, DealKeys.ApprovalInstanceId(Tenant, draft.DraftId), null, "corr-1"), next.Pending);
        Assert.Null(next.FirstMessage);
        Assert.Equal(1, next.Generation);
        context.Mock.Verify(c => c.CallActivityAsync<bool>(QueueOutboundMessage.Name, It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task DealLifecycle_AutoSendAllowed_QueuesTheApprovedDraftWithoutAnApproval()
    {
        MockedOrchestrationContext context = Deal(classifiedAs: ReplyIntent.AskDemo,
            transition: new StageTransition(DealStage.NewLead, DealStage.Qualified, ReplyIntent.AskDemo, false, null, []), autoSend: true);

        await new DealLifecycleOrchestrator().RunAsync(context.Context, FirstGeneration("demo please"));

        ReplyDraft draft = Assert.Single(context.InputsOf<CreateDraftInput>(CreateReplyDraft.Name)).Draft;
        Assert.Equal((DraftStatus.Approved, true, "automation"), (draft.Status, draft.AutoApproved, draft.Reviewer));
        OutboundMessage queued = Assert.Single(context.InputsOf<OutboundMessage>(QueueOutboundMessage.Name));
        Assert.Equal(new OutboundMessage(Tenant, draft.DraftId, DealId, MessageChannel.WhatsApp, "corr-1", AutoApproved: true), queued);
        context.Mock.Verify(c => c.CallSubOrchestratorAsync<DraftDecision>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task DealLifecycle_PendingDraftApproved_QueuesItUnderItsCorrelationIdAndForgetsIt()
    {
        MockedOrchestrationContext context = Deal();
        var pending = new PendingApproval("d-7", DealKeys.ApprovalInstanceId(Tenant, "d-7"), null, "corr-7");
        Resolve(context, new DraftDecision("d-7", DraftDecisionKind.Approved, "op-1"));
        DealState? next = null;
        context.Mock.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback((object? state, bool _) => next = (DealState)state!);

        DealOutcome? outcome = await new DealLifecycleOrchestrator().RunAsync(context.Context, Waiting() with { Pending = pending });

        Assert.Null(outcome);
        OutboundMessage queued = Assert.Single(context.InputsOf<OutboundMessage>(QueueOutboundMessage.Name));
        Assert.Equal(new OutboundMessage(Tenant, "d-7", DealId, MessageChannel.WhatsApp, "corr-7", AutoApproved: false), queued);
        Assert.NotNull(next);
        Assert.Null(next.Pending);
    }

    [Fact]
    public async Task DealLifecycle_RejectedDraftResolved_QueuesNothing()
    {
        MockedOrchestrationContext context = Deal();
        var pending = new PendingApproval("d-7", DealKeys.ApprovalInstanceId(Tenant, "d-7"), null, "corr-7");
        Resolve(context, new DraftDecision("d-7", DraftDecisionKind.Rejected, "op-1"));

        await new DealLifecycleOrchestrator().RunAsync(context.Context, Waiting() with { Pending = pending });

        Assert.Empty(context.Calls);
        context.Mock.Verify(c => c.ContinueAsNew(It.Is<DealState>(s => s.Pending == null), It.IsAny<bool>()), Times.Once);
    }

    [Fact]
    public async Task DealLifecycle_FollowUpDueWhilePaused_PostponesItAnHourAndDraftsNothing()
    {
        MockedOrchestrationContext context = Deal(paused: true);
        var plan = new FollowUpPlan(Now, DealTriggers.FollowUpDue, 0, Now.AddDays(-3));
        DateTime? timerAt = null;
        context.Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) =>
            {
                timerAt = fireAt;
                return Task.CompletedTask; // the follow-up timer wins; no event arrives
            });
        DealState? next = null;
        context.Mock.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback((object? state, bool _) => next = (DealState)state!);

        await new DealLifecycleOrchestrator().RunAsync(context.Context, Waiting() with { FollowUp = plan });

        Assert.Equal(Now, timerAt);
        Assert.Equal([CheckKillSwitch.Name, RecordAudit.Name], context.CalledNames);
        RecordAuditInput audit = Assert.Single(context.InputsOf<RecordAuditInput>(RecordAudit.Name));
        Assert.Equal(("follow_up_skipped", "paused", DealTriggers.FollowUpDue), (audit.Action, audit.Outcome, audit.Reason));
        Assert.NotNull(next);
        Assert.Equal(plan with { DueAt = Now.AddHours(1) }, next.FollowUp);
    }

    [Fact]
    public async Task DealLifecycle_SameGenerationRunTwice_PassesTheSameDistinctIdempotencyKeys()
    {
        IReadOnlyList<string> first = await KeysOfABlockedComplaintAsync(Now);
        IReadOnlyList<string> replayed = await KeysOfABlockedComplaintAsync(Now);
        IReadOnlyList<string> laterDealUnderTheSameId = await KeysOfABlockedComplaintAsync(Now.AddDays(30));

        Assert.Equal(4, first.Count); // classify, stage transition, and two audit lines at the same instant
        Assert.Equal(first, replayed);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Empty(first.Intersect(laterDealUnderTheSameId));
    }

    /// <summary>A complaint whose apology the compliance check blocks: the contact is paused and the block audited.</summary>
    private static async Task<IReadOnlyList<string>> KeysOfABlockedComplaintAsync(DateTime now)
    {
        MockedOrchestrationContext context = Deal(classifiedAs: ReplyIntent.Complaint, blocked: true, now: now);
        await new DealLifecycleOrchestrator().RunAsync(context.Context, FirstGeneration("spam", now));
        IReadOnlyList<RecordAuditInput> audits = context.InputsOf<RecordAuditInput>(RecordAudit.Name);
        Assert.Equal(["contact_paused", "draft_blocked"], audits.Select(a => a.Action));
        return
        [
            .. context.InputsOf<ClassifyInput>(ClassifyInboundMessage.Name).Select(i => i.IdempotencyKey),
            .. context.InputsOf<TransitionInput>(DecideStageTransition.Name).Select(i => i.IdempotencyKey),
            .. audits.Select(a => a.IdempotencyKey),
        ];
    }

    /// <summary>A deal context whose activities answer as set; every wait stays open unless a test completes it.</summary>
    private static MockedOrchestrationContext Deal(
        string? suppressedAs = null, string classifiedAs = ReplyIntent.Unclear, StageTransition? transition = null, bool autoSend = false,
        bool blocked = false, bool paused = false, DateTime? now = null)
    {
        var context = new MockedOrchestrationContext(DealId, now ?? Now);
        context
            .Activity<string?>(CheckContactSuppression.Name, _ => suppressedAs)
            .Activity(ClassifyInboundMessage.Name, _ => DealHarness.Classify(classifiedAs == ReplyIntent.Unclear ? "?" : Sample(classifiedAs)))
            .Activity(DecideStageTransition.Name, input => transition ?? StageTransition.Unchanged(((TransitionInput)input!).Current, "event"))
            .Activity(EvaluateReplyPolicy.Name, input => new ReplyPolicyResult(
                blocked ? "blocked" : "allowed", autoSend, autoSend ? [] : ["auto_send_off"], ((ReplyPolicyInput)input!).Text, "op-1"))
            .Activity(CreateReplyDraft.Name, input => ((CreateDraftInput)input!).Draft)
            .Activity(QueueOutboundMessage.Name, _ => true)
            .Activity(OptOutContact.Name, _ => 0)
            .Activity(RecordAudit.Name, _ => true)
            .Activity(CloseDraft.Name, _ => true)
            .Activity(CheckKillSwitch.Name, _ => paused)
            .Activity(AssembleEvidencePack.Name, _ => "sha");
        context.Mock.Setup(c => c.WaitForExternalEvent<DraftDecision>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<DraftDecision>().Task);
        context.Mock.Setup(c => c.WaitForExternalEvent<InboundMessage>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<InboundMessage>().Task);
        context.Mock.Setup(c => c.WaitForExternalEvent<DealStageEvent>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<DealStageEvent>().Task);
        context.Mock.Setup(c => c.WaitForExternalEvent<PaymentReceived>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<PaymentReceived>().Task);
        return context;
    }

    private static void Resolve(MockedOrchestrationContext context, DraftDecision decision) =>
        context.Mock.Setup(c => c.WaitForExternalEvent<DraftDecision>(DealEvents.DraftResolved, It.IsAny<CancellationToken>()))
            .Returns(Task.FromResult(decision));

    private static string Sample(string intent) => intent switch
    {
        ReplyIntent.Unsubscribe => "stop",
        ReplyIntent.AskPrice => "price",
        ReplyIntent.AskDemo => "demo",
        ReplyIntent.Complaint => "spam",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "no sample text"),
    };

    /// <summary>What the webhook starts a deal with: a new lead and its first message.</summary>
    private static DealState FirstGeneration(string text, DateTime? at = null) => new()
    {
        TenantId = Tenant,
        ContactId = ContactId,
        Channel = MessageChannel.WhatsApp,
        Address = Phone,
        FirstMessage = new InboundMessage(Tenant, ContactId, MessageChannel.WhatsApp, "wamid.1", Phone, text, at ?? Now, "corr-1"),
    };

    /// <summary>A deal in qualifying that waits for its next event.</summary>
    private static DealState Waiting() => new()
    {
        TenantId = Tenant,
        ContactId = ContactId,
        Channel = MessageChannel.WhatsApp,
        Address = Phone,
        Stage = DealStage.Qualifying,
        CorrelationId = "corr-1",
        LastInboundAt = Now,
    };
}
