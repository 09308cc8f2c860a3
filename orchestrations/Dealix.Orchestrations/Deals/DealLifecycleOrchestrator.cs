using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals;

/// <summary>
/// One long-lived orchestration per lead (<c>deal:{tenantId}:{contactId}</c>), started by the first message and fed by
/// events: a contact's messages, operator stage events, draft decisions and its own follow-up timers. For each message
/// it checks the suppression list, classifies the message, applies the deal state machine, runs the compliance check,
/// and then either queues an automatic reply (only where §8.6 allows it) or creates a draft whose approval SLA a
/// <see cref="DraftApprovalOrchestrator"/> watches. An opt-out suppresses the contact, cancels its drafts and timers
/// and ends the orchestration; a closed_won assembles the evidence pack. A payment the provider reports as paid proposes the
/// move to pilot_active for a person to confirm; a stage change starts the §8.1 connector actions (calendar, CRM,
/// reminder), each behind its own approval (<see cref="Connectors.DealConnectorActionOrchestrator"/>). The stage is the custom status. Each
/// generation handles the events that arrived together and continues as new, so the history stays short.
/// Never sends anything itself: sends go through the outbox to the channel sender, which honours the kill switch.
/// </summary>
[DurableTask(Name)]
public sealed class DealLifecycleOrchestrator : TaskOrchestrator<DealState, DealOutcome?>
{
    public const string Name = "DealLifecycle";

    public override async Task<DealOutcome?> RunAsync(TaskOrchestrationContext context, DealState input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var turn = new DealLifecycleTurn(context, input with { Generation = input.Generation + 1 });
        turn.PublishStatus();

        if (input.FirstMessage is { } first)
        {
            turn.State = turn.State with { FirstMessage = null };
            if (await turn.HandleInboundAsync(first) is { } ended)
            {
                turn.PublishStatus();
                return ended;
            }

            turn.PublishStatus();
            context.ContinueAsNew(turn.State);
            return null;
        }

        // WARNING: the order of these waits and of the list below is part of the recorded history.
        Task<DraftDecision> resolved = context.WaitForExternalEvent<DraftDecision>(DealEvents.DraftResolved);
        Task<InboundMessage> inbound = context.WaitForExternalEvent<InboundMessage>(DealEvents.InboundMessageReceived);
        Task<DealStageEvent> stageEvent = context.WaitForExternalEvent<DealStageEvent>(DealEvents.StageEventRaised);
        Task<PaymentReceived> payment = context.WaitForExternalEvent<PaymentReceived>(DealEvents.PaymentReceived);
        var waits = new List<Task> { resolved, inbound, stageEvent, payment };

        using var followUpCancellation = new CancellationTokenSource();
        FollowUpPlan? plan = input.FollowUp;
        Task? followUp = null;
        if (plan is not null)
        {
            followUp = context.CreateTimer(plan.DueAt, followUpCancellation.Token);
            waits.Add(followUp);
        }

        Task winner = await Task.WhenAny(waits);
        if (winner != followUp)
        {
            followUpCancellation.Cancel(); // the next generation plans its own timer
        }

        // Handle everything that completed, in a fixed order, so no consumed event is lost at continue-as-new.
        var handled = new HashSet<Task>();
        while (waits.FirstOrDefault(t => t.IsCompletedSuccessfully && !handled.Contains(t)) is { } next)
        {
            handled.Add(next);
            DealOutcome? outcome = next switch
            {
                _ when next == resolved => await turn.HandleDraftResolvedAsync(resolved.Result),
                _ when next == inbound => await turn.HandleInboundAsync(inbound.Result),
                _ when next == stageEvent => await turn.HandleStageEventAsync(stageEvent.Result),
                _ when next == payment => await turn.HandlePaymentAsync(payment.Result),
                _ when ReferenceEquals(turn.State.FollowUp, plan) && plan is not null => await turn.HandleFollowUpAsync(plan),
                _ => null,
            };

            if (outcome is not null)
            {
                turn.PublishStatus();
                return outcome;
            }
        }

        turn.PublishStatus();
        context.ContinueAsNew(turn.State);
        return null;
    }
}
