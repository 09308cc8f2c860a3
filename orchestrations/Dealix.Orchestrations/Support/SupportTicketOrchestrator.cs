using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Activities;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support;

/// <summary>
/// One support ticket from intake to resolution (§11, §12, §20), under <c>ticket:{tenantId}:{ticketId}</c>. It stores
/// the ticket and opens its SLA log; a P0 asks incident response for triage and pages the founder; it drafts the §11.3
/// first response into the approval center (a <see cref="DraftKind.SupportFirstResponse"/> draft watched by
/// <see cref="DraftApprovalOrchestrator"/>, which reports back here) and queues it once approved, which is the first
/// response; meanwhile durable timers run the SLA clock of <see cref="TicketSlaPlan"/> and escalate each lapsed point
/// once. Events appended to the SLA log by the <c>sla/event</c> route (first response by phone, resolved, reopened,
/// priority changed) are announced as <see cref="SupportEvents.SlaEventRecorded"/> and re-plan the clock. A resolved
/// ticket waits <see cref="ReopenGrace"/> for a reopen, then completes.
/// </summary>
[DurableTask(Name)]
public sealed class SupportTicketOrchestrator : TaskOrchestrator<SupportTicketInput, TicketOutcome?>
{
    public const string Name = "SupportTicket";

    /// <summary>How long a resolved ticket's workflow waits for a reopen before it completes.</summary>
    public static readonly TimeSpan ReopenGrace = TimeSpan.FromDays(14);

    /// <summary>Turns (a timer or an event each) before the workflow continues as new.</summary>
    public const int TurnsPerGeneration = 50;

    public override async Task<TicketOutcome?> RunAsync(TaskOrchestrationContext context, SupportTicketInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        string instanceId = context.InstanceId;
        TicketSlaView view;
        string? pendingDraft = null;
        var handled = new List<string>();
        if (input.Carry is { } carry)
        {
            (view, pendingDraft) = (carry.View, carry.PendingDraft);
            handled.AddRange(carry.Handled);
        }
        else
        {
            string? draftId = input.ReplyTo is null ? null : TicketKeys.FirstResponseDraftId(input.TicketId);
            view = await context.CallActivityAsync<TicketSlaView>(OpenTicket.Name, new OpenTicketInput(input, instanceId, draftId), Retries.Storage);
            if (input.Priority == TicketPriority.P0)
            {
                await context.CallActivityAsync<bool>(StartP0Response.Name, new IncidentRequest(input.TenantId, input.TicketId, instanceId, input.Priority,
                    input.MatchedKeywords, input.Reason, context.CurrentUtcDateTime, input.CorrelationId), Retries.Storage);
            }

            if (draftId is not null && input.ReplyTo is { } replyTo && view.FirstResponseAt is null && !view.IsResolved)
            {
                await DraftFirstResponseAsync(context, input, replyTo, draftId, view);
                pendingDraft = draftId;
            }
        }

        // WARNING: the order of these waits is part of the recorded history.
        Task<DraftDecision> draftResolved = context.WaitForExternalEvent<DraftDecision>(DealEvents.DraftResolved);
        Task<SlaEvent> recorded = context.WaitForExternalEvent<SlaEvent>(SupportEvents.SlaEventRecorded);
        for (int turn = 0; turn < TurnsPerGeneration; turn++)
        {
            if (pendingDraft is not null && (view.FirstResponseAt is not null || view.IsResolved))
            {
                // Answered another way, or resolved: the draft must not go out any more.
                await CancelDraftAsync(context, input, pendingDraft, view.IsResolved ? "ticket_resolved" : "answered_elsewhere");
                pendingDraft = null;
            }

            SlaCheckpoint? next = TicketSlaPlan.Checkpoints(view).FirstOrDefault(p => !handled.Contains(p.Key));
            if (next is not null && next.At <= context.CurrentUtcDateTime)
            {
                await EscalateAsync(context, input, next);
                handled.Add(next.Key);
                continue;
            }

            DateTime wakeAt = next?.At ?? (view.ResolvedAt ?? context.CurrentUtcDateTime) + ReopenGrace;
            using var timerCancellation = new CancellationTokenSource();
            Task timer = context.CreateTimer(wakeAt, timerCancellation.Token);
            Task winner = await Task.WhenAny(draftResolved, recorded, timer);
            if (winner == timer)
            {
                if (next is null)
                {
                    return new TicketOutcome(input.TicketId, view.Priority, view.OpenedAt, view.FirstResponseAt, view.ResolvedAt, handled);
                }

                await EscalateAsync(context, input, next);
                handled.Add(next.Key);
                continue;
            }

            timerCancellation.Cancel(); // an open durable timer would keep the instance alive
            if (winner == draftResolved)
            {
                DraftDecision decision = draftResolved.Result;
                draftResolved = context.WaitForExternalEvent<DraftDecision>(DealEvents.DraftResolved);
                if (decision.DraftId == pendingDraft)
                {
                    pendingDraft = null;
                    if (decision.IsApproved && input.ReplyTo is { } to)
                    {
                        view = await SendFirstResponseAsync(context, input, to, decision.DraftId) ?? view;
                    }
                }
            }
            else
            {
                recorded = context.WaitForExternalEvent<SlaEvent>(SupportEvents.SlaEventRecorded);
                view = await context.CallActivityAsync<TicketSlaView?>(ReadTicketSla.Name, new TicketRef(input.TenantId, input.TicketId), Retries.Storage) ?? view;
            }
        }

        // A long-lived ticket keeps its history bounded: the next generation carries the clock on.
        context.ContinueAsNew(input with { Carry = new TicketCarry(view, pendingDraft, handled) });
        return null;
    }


    private static async Task DraftFirstResponseAsync(TaskOrchestrationContext context, SupportTicketInput input, TicketReplyTo replyTo, string draftId,
        TicketSlaView view)
    {
        DateTime now = context.CurrentUtcDateTime;
        DateTime expires = view.OpenedAt + SupportPriorities.For(view.Priority).ResolutionTarget;
        var draft = new ReplyDraft
        {
            DraftId = draftId,
            TenantId = input.TenantId,
            DealInstanceId = context.InstanceId,
            ContactId = replyTo.ContactId,
            Channel = replyTo.Channel,
            To = replyTo.Address,
            Text = SupportPriorities.FirstResponse(view.Priority),
            Subject = replyTo.Subject,
            Kind = DraftKind.SupportFirstResponse,
            Category = SupportApprovalPolicy.Category(view.Priority),
            Stage = DealStage.NewLead,
            Status = DraftStatus.PendingApproval,
            CorrelationId = input.CorrelationId,
            CreatedAt = now,
            ExpiresAt = expires,
            InReplyToMessageId = input.ProviderMessageId,
        };
        await context.CallActivityAsync<ReplyDraft>(CreateReplyDraft.Name, new CreateDraftInput(draft, Key(context, "draft")), Retries.Storage);

        // Not awaited: the approval reports back with DraftResolved, so the ticket keeps serving its clock meanwhile.
        _ = context.CallSubOrchestratorAsync<DraftDecision>(DraftApprovalOrchestrator.Name,
            new DraftApprovalInput(input.TenantId, draftId, context.InstanceId, DraftKind.SupportFirstResponse, DealStage.NewLead, replyTo.Channel,
                input.CorrelationId, TicketPriority: view.Priority, ExpiresAt: expires),
            new SubOrchestrationOptions(instanceId: DealKeys.ApprovalInstanceId(input.TenantId, draftId)));
    }

    private static async Task<TicketSlaView?> SendFirstResponseAsync(TaskOrchestrationContext context, SupportTicketInput input, TicketReplyTo to, string draftId)
    {
        bool queued = await context.CallActivityAsync<bool>(QueueOutboundMessage.Name,
            new OutboundMessage(input.TenantId, draftId, context.InstanceId, to.Channel, input.CorrelationId, AutoApproved: false), Retries.Storage);
        if (!queued)
        {
            return null;
        }

        return await context.CallActivityAsync<TicketSlaView?>(RecordTicketEvent.Name, new RecordTicketEventInput(
            new SlaEvent(input.TicketId, input.TenantId, SlaEventType.FirstResponseSent, input.Priority, context.CurrentUtcDateTime, "automation",
                input.CorrelationId, $"draft {draftId} approved and queued"), Key(context, "first-response")), Retries.Storage);
    }

    private static async Task CancelDraftAsync(TaskOrchestrationContext context, SupportTicketInput input, string draftId, string reason)
    {
        await context.CallActivityAsync<bool>(CloseDraft.Name,
            new CloseDraftInput(input.TenantId, draftId, DraftStatus.Cancelled, reason, input.CorrelationId, Key(context, "cancel-draft")), Retries.Storage);
        context.SendEvent(DealKeys.ApprovalInstanceId(input.TenantId, draftId), DealEvents.DraftDecided, DraftDecision.Cancelled(draftId, reason));
    }

    private static Task<EscalationResult> EscalateAsync(TaskOrchestrationContext context, SupportTicketInput input, SlaCheckpoint checkpoint) =>
        context.CallActivityAsync<EscalationResult>(EscalateTicketSla.Name,
            new EscalateTicketInput(input.TenantId, input.TicketId, checkpoint, input.CorrelationId), Retries.Notification);

    private static string Key(TaskOrchestrationContext context, string step) =>
        DealKeys.IdempotencyKey(context.InstanceId, context.CurrentUtcDateTime, step);
}
