using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Connectors;
using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Activities;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Deals;

/// <summary>
/// One generation's work on the state of a <see cref="DealLifecycleOrchestrator"/>; every call goes through the context
/// (replay-safe). A class of its own rather than a nested class in a partial file: the Durable Task analyzers fail
/// (AD0001) on an orchestrator declared across several files.
/// </summary>
internal sealed class DealLifecycleTurn(TaskOrchestrationContext context, DealState state)
{
    /// <summary>How many provider message ids a deal remembers to drop redeliveries.</summary>
    internal const int RecentMessageLimit = 50;

    private int _calls;

    public DealState State { get; set; } = state;

    private string InstanceId => context.InstanceId;

    private DateTime Now => context.CurrentUtcDateTime;

    /// <summary>
    /// A replay-safe id. The engine's NewGuid is derived from the instance id, the time and a sequence that restarts
    /// with every generation, so the generation number is mixed in: two generations at the same instant differ.
    /// </summary>
    public string NewId(string prefix)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{context.NewGuid():N}|{State.Generation}"));
        return prefix + Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>
    /// The idempotency key for the next activity call with a side effect. The generation and a count of the calls
    /// made so far in this run name the call, so a replay makes the same keys in the same order.
    /// </summary>
    public string NewKey(string activity) =>
        DealKeys.IdempotencyKey(InstanceId, Now, $"{State.Generation}/{++_calls}/{activity}");

    public void PublishStatus() => context.SetCustomStatus(new DealStatus(
        State.Stage, State.TenantId, State.ContactId, State.Pending?.DraftId, State.FollowUp?.DueAt, State.ContactPaused, State.CorrelationId));

    public async Task<DealOutcome?> HandleInboundAsync(InboundMessage message)
    {
        ILogger log = context.CreateReplaySafeLogger<DealLifecycleOrchestrator>();
        if (State.RecentMessageIds.Contains(message.ProviderMessageId, StringComparer.Ordinal))
        {
            log.DuplicateMessage(InstanceId, message.ProviderMessageId);
            return null;
        }

        string correlationId = string.IsNullOrWhiteSpace(message.CorrelationId) ? NewId("c-") : message.CorrelationId;
        State = State with
        {
            RecentMessageIds = [.. State.RecentMessageIds.TakeLast(RecentMessageLimit - 1), message.ProviderMessageId],
            LastInboundAt = message.ReceivedAt,
            CorrelationId = correlationId,
            ContactName = message.ContactName ?? State.ContactName,
        };

        // Opt-out first (§7.1 step 5): a suppressed contact's message is kept on the ledger and drafts nothing.
        string? suppressed = await context.CallActivityAsync<string?>(CheckContactSuppression.Name,
            new SuppressionQuery(State.TenantId, State.Channel, State.Address), Retries.Storage);
        if (suppressed is not null)
        {
            log.SuppressedContactWrote(InstanceId, correlationId);
            await AuditAsync(correlationId, "inbound_from_suppressed", "A", "automation", reason: $"{suppressed}; message {message.ProviderMessageId}", outcome: "no_draft");
            if (suppressed == "unsubscribe")
            {
                State = State with { Stage = DealStage.OptedOut, FollowUp = null, Pending = null };
                return new DealOutcome(DealStage.OptedOut, State.TenantId, State.ContactId, "suppressed");
            }

            return null;
        }

        MessageClassification classification = await context.CallActivityAsync<MessageClassification>(ClassifyInboundMessage.Name,
            new ClassifyInput(State.TenantId, InstanceId, message.ProviderMessageId, message.Text, correlationId, NewKey(ClassifyInboundMessage.Name)), Retries.Classification);
        log.MessageClassified(InstanceId, message.ProviderMessageId, classification.Category, correlationId);

        StageTransition transition = await DecideAsync(StageTrigger.Intent(classification.Category), "automation", correlationId);
        if (transition.To == DealStage.OptedOut || classification.IsOptOut)
        {
            return await OptOutAsync(message.ProviderMessageId, correlationId);
        }

        FollowUpPlan? previousFollowUp = State.FollowUp;
        if (transition.Changed && !transition.NeedsApproval)
        {
            await MoveToAsync(transition.To, transition.Trigger, correlationId);
        }
        else
        {
            // A reply from the contact starts a new silence.
            State = State with { FollowUp = FollowUpSchedule.Next(State.Stage, Now, 0) };
        }

        switch (classification.Category)
        {
            case ReplyIntent.OutOfOffice:
                State = State with { FollowUp = FollowUpSchedule.Postpone(previousFollowUp) };
                break;
            case ReplyIntent.Complaint:
                State = State with { ContactPaused = true, FollowUp = null };
                await AuditAsync(correlationId, "contact_paused", "A", "automation", reason: "complaint", to: "founder", outcome: "founder_notified");
                break;
            case ReplyIntent.WrongPerson:
                await AuditAsync(correlationId, "referral_task", "A", "automation", to: "operator", outcome: "task_created");
                break;
        }

        string? text = ReplyTemplates.ComposeReply(classification, transition);
        if (text is null)
        {
            return null;
        }

        await ProposeMessageAsync(DraftKind.Reply, classification.Category, text, correlationId,
            proposedStage: transition.NeedsApproval && transition.Changed ? transition.To : null,
            categoryAllowsAutoReply: classification.AutoReplyAllowed, inReplyTo: message.ProviderMessageId, classification: classification);
        return null;
    }

    public async Task<DealOutcome?> HandleDraftResolvedAsync(DraftDecision decision)
    {
        ILogger log = context.CreateReplaySafeLogger<DealLifecycleOrchestrator>();
        if (State.Pending is not { } pending || pending.DraftId != decision.DraftId)
        {
            return null; // a superseded draft: the newer one is what the contact should get
        }

        State = State with { Pending = null };
        log.DraftResolved(InstanceId, decision.DraftId, decision.Decision.ToString(), pending.CorrelationId);
        if (!decision.IsApproved)
        {
            return null;
        }

        if (pending.ProposedStage is { } proposed && proposed != State.Stage)
        {
            if (string.IsNullOrWhiteSpace(pending.CorrelationId))
            {
                log.ActionRefused(InstanceId, "stage_transition", "missing_correlation_id", string.Empty);
                await AuditAsync(string.Empty, "missing_correlation_id", "B", decision.Reviewer, reason: "stage_transition", outcome: "refused");
                return null;
            }

            await AuditAsync(pending.CorrelationId, "stage_transition", "B", decision.Reviewer,
                from: DealStages.WireName(State.Stage), to: DealStages.WireName(proposed), approvalId: pending.DraftId, outcome: "approved");
            await MoveToAsync(proposed, "draft_approved", pending.CorrelationId, audited: true);
        }

        await QueueSendAsync(pending.DraftId, pending.CorrelationId, autoApproved: false);
        return null;
    }

    public async Task<DealOutcome?> HandleStageEventAsync(DealStageEvent stageEvent)
    {
        string correlationId = stageEvent.CorrelationId ?? string.Empty;
        if (!DealTriggers.OperatorEvents.Contains(stageEvent.Name))
        {
            await AuditAsync(correlationId, "stage_event_rejected", "A", stageEvent.Actor, reason: $"unknown event {stageEvent.Name}", outcome: "refused");
            return null;
        }

        var trigger = new StageTrigger(stageEvent.Name, IsIntent: false, stageEvent.CriteriaMet, stageEvent.PurchaseType, State.NoShowCount);
        StageTransition transition = await DecideAsync(trigger, stageEvent.Actor, correlationId);
        if (!transition.Changed)
        {
            return null;
        }

        if (stageEvent.Name == DealTriggers.MeetingNoShow)
        {
            State = State with { NoShowCount = State.NoShowCount + 1 };
        }

        if (stageEvent.Name == DealTriggers.MeetingScheduled && State.ConnectorActions)
        {
            State = State with { MeetingAt = stageEvent.MeetingAt };
        }

        await MoveToAsync(transition.To, transition.Trigger, correlationId, audited: true);
        if (transition.To == DealStage.ClosedWon)
        {
            await context.CallActivityAsync<string>(AssembleEvidencePack.Name, new EvidencePackInput(
                State.TenantId, InstanceId, State.ContactId, State.Channel, correlationId, Now, stageEvent.Actor, NewKey(AssembleEvidencePack.Name)), Retries.Storage);
        }

        return null;
    }

    public async Task<DealOutcome?> HandleFollowUpAsync(FollowUpPlan plan)
    {
        string correlationId = NewId("c-"); // a timer starts its own flow (§4.2)
        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, State.TenantId, Retries.Storage))
        {
            // Paused (§17.8): the step waits and is tried again, nothing is drafted meanwhile.
            State = State with { FollowUp = plan with { DueAt = Now.AddHours(1) } };
            await AuditAsync(correlationId, "follow_up_skipped", "A", "automation", reason: plan.Trigger, outcome: "paused");
            return null;
        }

        switch (plan.Trigger)
        {
            case DealTriggers.NoResponseTimeout:
                StageTransition transition = await DecideAsync(StageTrigger.Event(DealTriggers.NoResponseTimeout), "automation", correlationId);
                if (transition.Changed)
                {
                    await MoveToAsync(transition.To, transition.Trigger, correlationId, audited: true);
                }
                else
                {
                    State = State with { FollowUp = null };
                }

                return null;
            case DealTriggers.OperatorTask:
                State = State with { FollowUp = FollowUpSchedule.Next(State.Stage, plan.Since, plan.Sent + 1) };
                await AuditAsync(correlationId, "operator_task", "A", "automation", reason: DealStages.WireName(State.Stage), to: "operator", outcome: "task_created");
                return null;
            default:
                State = State with { FollowUp = FollowUpSchedule.Next(State.Stage, plan.Since, plan.Sent + 1) };
                if (State.ContactPaused || State.Pending is not null || ReplyTemplates.ComposeFollowUp(State.Stage) is not { } text)
                {
                    return null;
                }

                await ProposeMessageAsync(DraftKind.FollowUp, "follow_up", text, correlationId, proposedStage: null, categoryAllowsAutoReply: false, inReplyTo: null);
                return null;
        }
    }

    /// <summary>
    /// A payment the provider reports as paid. §8.3: <c>payment_confirmed</c> is a human event and the move into
    /// <c>pilot_active</c> needs an approval, so automation only proposes it: the pilot_active welcome draft carries the
    /// proposed stage, and approving it confirms the receipt, moves the deal and starts onboarding. A payment id is
    /// handled once; outside <c>payment_requested</c> it is only recorded.
    /// </summary>
    public async Task<DealOutcome?> HandlePaymentAsync(PaymentReceived payment)
    {
        if (State.PaymentIds.Contains(payment.PaymentId, StringComparer.Ordinal))
        {
            return null;
        }

        string correlationId = string.IsNullOrWhiteSpace(payment.CorrelationId) ? NewId("c-") : payment.CorrelationId;
        State = State with { PaymentIds = [.. State.PaymentIds.TakeLast(19), payment.PaymentId] };
        bool expected = State.Stage == DealStage.PaymentRequested;
        await AuditAsync(correlationId, "payment_received", "B", "payment_provider",
            reason: $"{payment.EventType} {payment.PaymentId} {payment.Amount} {payment.Currency}", outcome: expected ? "confirmation_proposed" : "recorded");
        if (!expected)
        {
            return null;
        }

        StageTransition transition = await DecideAsync(new StageTrigger(DealTriggers.PaymentConfirmed, IsIntent: false), "automation", correlationId);
        if (!transition.Changed || ReplyTemplates.ForStage(transition.To) is not { } text)
        {
            return null;
        }

        await ProposeMessageAsync(DraftKind.FollowUp, "payment_received", text, correlationId, proposedStage: transition.To, categoryAllowsAutoReply: false, inReplyTo: null);
        return null;
    }

    /// <summary>
    /// Starts the connector actions <paramref name="stage"/> asks for (§8.1), each under its own deterministic approval
    /// instance, so a replayed or repeated start starts nothing twice. Only on deals created with connector actions.
    /// </summary>
    private async Task StartConnectorActionsAsync(DealStage stage, string correlationId)
    {
        if (!State.ConnectorActions)
        {
            return;
        }

        foreach (string action in DealConnectorActions.ForStage(stage, State.MeetingAt))
        {
            if (DealConnectorActions.ConnectorFor(action, State.Channel) is not { } connector)
            {
                continue;
            }

            string draftId = DealConnectorActions.DraftId(InstanceId, action, stage, Now);
            var request = new DealConnectorAction(State.TenantId, InstanceId, State.ContactId, action, connector, draftId, correlationId, stage,
                State.Channel, State.Address, Now, State.MeetingAt, State.ContactName);
            await context.CallActivityAsync<bool>(StartOrchestrationOnce.Name, new StartOnceInput(DealConnectorActionOrchestrator.Name,
                DealKeys.ApprovalInstanceId(State.TenantId, draftId), JsonSerializer.SerializeToElement(request, JsonSerializerOptions.Web)), Retries.Storage);
        }
    }

    private async Task<DealOutcome> OptOutAsync(string sourceMessageId, string correlationId)
    {
        ILogger log = context.CreateReplaySafeLogger<DealLifecycleOrchestrator>();
        await context.CallActivityAsync<int>(OptOutContact.Name, new OptOutInput(
            State.TenantId, State.ContactId, InstanceId, State.Channel, State.Address, sourceMessageId, correlationId, NewKey(OptOutContact.Name)), Retries.Storage);
        if (State.Pending is { } pending)
        {
            context.SendEvent(pending.ApprovalInstanceId, DealEvents.DraftDecided, DraftDecision.Cancelled(pending.DraftId, "opt_out"));
        }

        State = State with { Stage = DealStage.OptedOut, Pending = null, FollowUp = null, StageChangedAt = Now, CorrelationId = correlationId };
        log.OptedOut(InstanceId, State.TenantId, correlationId);
        await StartConnectorActionsAsync(DealStage.OptedOut, correlationId);
        return new DealOutcome(DealStage.OptedOut, State.TenantId, State.ContactId, "unsubscribe");
    }

    private async Task ProposeMessageAsync(
        DraftKind kind, string category, string text, string correlationId, DealStage? proposedStage, bool categoryAllowsAutoReply, string? inReplyTo,
        MessageClassification? classification = null)
    {
        ILogger log = context.CreateReplaySafeLogger<DealLifecycleOrchestrator>();
        DealStage stageForPolicy = proposedStage ?? State.Stage;
        ReplyPolicyResult policy = await context.CallActivityAsync<ReplyPolicyResult>(EvaluateReplyPolicy.Name, new ReplyPolicyInput(
            State.TenantId, State.ContactId, State.Channel, State.Address, stageForPolicy, category,
            categoryAllowsAutoReply && proposedStage is null, kind == DraftKind.Reply, State.LastInboundAt, State.ContactPaused, text),
            Retries.Storage);
        if (policy.IsBlocked || policy.TemplateText is null)
        {
            await AuditAsync(correlationId, "draft_blocked", "A", "automation", reason: string.Join(',', policy.Reasons), outcome: policy.Compliance);
            return;
        }

        if (State.Pending is { } previous)
        {
            await CancelPendingAsync(previous, "superseded", correlationId);
        }

        string newDraftId = NewId("d");
        DateTime? windowClosesAt = State.Channel == MessageChannel.WhatsApp && State.LastInboundAt is { } last ? last.AddHours(24) : null;
        ApprovalPlan plan = ApprovalPolicy.PlanFor(kind, stageForPolicy, State.Channel, Now, windowClosesAt);
        bool auto = policy.AutoSendAllowed;
        var draft = new ReplyDraft
        {
            DraftId = newDraftId,
            TenantId = State.TenantId,
            DealInstanceId = InstanceId,
            ContactId = State.ContactId,
            Channel = State.Channel,
            To = State.Address,
            Text = policy.TemplateText,
            Kind = kind,
            Category = category,
            Stage = State.Stage,
            ProposedStage = proposedStage,
            Status = auto ? DraftStatus.Approved : DraftStatus.PendingApproval,
            CorrelationId = correlationId,
            CreatedAt = Now,
            ExpiresAt = plan.ExpiresAt,
            AutoApproved = auto,
            AssignedOperator = policy.AssignedOperator,
            Reviewer = auto ? "automation" : null,
            DecidedAt = auto ? Now : null,
            DecisionReason = auto ? "auto_send_allowed" : null,
            InReplyToMessageId = inReplyTo,
            Compliance = policy.Compliance,
            PolicyReasons = policy.Reasons,
            MatchedKeywords = classification?.MatchedKeywords,
            IntentConfidence = classification?.Confidence,
        };
        ReplyDraft? created = await context.CallActivityAsync<ReplyDraft>(CreateReplyDraft.Name, new CreateDraftInput(draft, NewKey(CreateReplyDraft.Name)), Retries.Storage);

        // The activity returns the draft that answers this message: the new one, or the one an earlier run of this
        // episode wrote before its process died (that run's time, hence its ids, differed). Adopting it keeps one draft
        // per inbound message. Recorded histories hold the new draft as the output, so they replay unchanged.
        string draftId = created?.DraftId ?? newDraftId;

        if (auto)
        {
            await QueueSendAsync(draftId, correlationId, autoApproved: true);
            return;
        }

        string approvalInstanceId = DealKeys.ApprovalInstanceId(State.TenantId, draftId);

        // Not awaited: the approval reports back with DraftResolved, so the deal keeps serving events (an opt-out
        // must act at once) and may continue as new while the approval waits.
        _ = context.CallSubOrchestratorAsync<DraftDecision>(DraftApprovalOrchestrator.Name,
            new DraftApprovalInput(State.TenantId, draftId, InstanceId, kind, stageForPolicy, State.Channel, correlationId, windowClosesAt),
            new SubOrchestrationOptions(instanceId: approvalInstanceId));
        State = State with { Pending = new PendingApproval(draftId, approvalInstanceId, proposedStage, correlationId) };
        log.DraftPending(InstanceId, draftId, correlationId);
    }

    private async Task CancelPendingAsync(PendingApproval pending, string reason, string correlationId)
    {
        await context.CallActivityAsync<bool>(CloseDraft.Name,
            new CloseDraftInput(State.TenantId, pending.DraftId, DraftStatus.Cancelled, reason, correlationId, NewKey(CloseDraft.Name)), Retries.Storage);
        context.SendEvent(pending.ApprovalInstanceId, DealEvents.DraftDecided, DraftDecision.Cancelled(pending.DraftId, reason));
        State = State with { Pending = null };
    }

    private async Task QueueSendAsync(string draftId, string correlationId, bool autoApproved)
    {
        ILogger log = context.CreateReplaySafeLogger<DealLifecycleOrchestrator>();
        bool queued = await context.CallActivityAsync<bool>(QueueOutboundMessage.Name,
            new OutboundMessage(State.TenantId, draftId, InstanceId, State.Channel, correlationId, autoApproved), Retries.Storage);
        if (queued)
        {
            log.ReplyQueued(InstanceId, draftId, autoApproved, correlationId);
        }
        else
        {
            log.ActionRefused(InstanceId, "send", "missing_correlation_id", correlationId);
        }
    }

    private Task<StageTransition> DecideAsync(StageTrigger trigger, string actor, string correlationId) =>
        context.CallActivityAsync<StageTransition>(DecideStageTransition.Name,
            new TransitionInput(State.TenantId, InstanceId, State.Stage, trigger, actor, correlationId, NewKey(DecideStageTransition.Name)), Retries.Storage);

    private async Task MoveToAsync(DealStage to, string trigger, string correlationId, bool audited = true)
    {
        ILogger log = context.CreateReplaySafeLogger<DealLifecycleOrchestrator>();
        DealStage from = State.Stage;
        State = State with { Stage = to, StageChangedAt = Now, FollowUp = FollowUpSchedule.Next(to, Now, 0) };
        log.StageChanged(InstanceId, State.TenantId, DealStages.WireName(from), DealStages.WireName(to), trigger, correlationId);
        if (to == DealStage.ClosedLost && State.Pending is { } pending)
        {
            await CancelPendingAsync(pending, "stage_change", correlationId);
        }

        if (to == DealStage.PilotActive && from != DealStage.PilotActive)
        {
            // §5 / §20: entering pilot_active starts the customer's onboarding, once per customer (a second entry, or
            // an operator who started it already, finds the instance and starts nothing).
            await context.CallActivityAsync<bool>(StartOrchestrationOnce.Name, new StartOnceInput(OnboardingOrchestrator.Name,
                OnboardingKeys.InstanceId(State.TenantId, State.ContactId), JsonSerializer.SerializeToElement(
                    new OnboardingInput(State.TenantId, State.ContactId, "deal_lifecycle", correlationId, InstanceId), JsonSerializerOptions.Web)), Retries.Storage);
        }

        await StartConnectorActionsAsync(to, correlationId);
        _ = audited;
    }

    private Task<bool> AuditAsync(
        string correlationId, string action, string actionClass, string actor,
        string? reason = null, string? outcome = null, string? from = null, string? to = null, string? approvalId = null) =>
        context.CallActivityAsync<bool>(RecordAudit.Name, new RecordAuditInput(
            State.TenantId, correlationId, action, actionClass, actor, InstanceId, NewKey(RecordAudit.Name), reason, outcome, from, to, approvalId), Retries.Storage);
}
