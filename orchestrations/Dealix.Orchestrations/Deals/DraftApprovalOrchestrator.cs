using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Deals;

/// <summary>
/// Waits for an operator's decision on one draft, reminding the team lead and then escalating to the founder as the
/// approval SLA lapses (§4.4), and expires the draft when its time runs out. Started by
/// <see cref="DealLifecycleOrchestrator"/> under the id <c>approval:{tenantId}:{draftId}</c>; the operator API raises
/// <see cref="DealEvents.DraftDecided"/> to it. It reports how the draft ended to its deal as
/// <see cref="DealEvents.DraftResolved"/>, so the deal keeps serving other events meanwhile. Never sends anything.
/// </summary>
[DurableTask(Name)]
public sealed class DraftApprovalOrchestrator : TaskOrchestrator<DraftApprovalInput, DraftDecision>
{
    public const string Name = "DraftApproval";

    public override async Task<DraftDecision> RunAsync(TaskOrchestrationContext context, DraftApprovalInput input)
    {
        ILogger log = context.CreateReplaySafeLogger<DraftApprovalOrchestrator>();
        ApprovalPlan plan = input.Kind == DraftKind.SupportFirstResponse && input.TicketPriority is { } priority
            ? Support.Rules.SupportApprovalPolicy.PlanFor(priority, context.CurrentUtcDateTime, input.ExpiresAt ?? context.CurrentUtcDateTime.AddDays(7))
            : ApprovalPolicy.PlanFor(input.Kind, input.Stage, input.Channel, context.CurrentUtcDateTime, input.WindowClosesAt);

        // One wait for the whole plan: a new wait per step would leave the old one pending, and the old one would
        // swallow the decision when it finally arrives.
        Task<DraftDecision> decided = context.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided);
        DraftDecision? decision = null;
        for (int index = 0; index < plan.Steps.Count; index++)
        {
            ApprovalStep step = plan.Steps[index];
            if (await DecidedBeforeAsync(context, decided, step.DueAt))
            {
                decision = await decided;
                break;
            }

            log.ApprovalStepLapsed(input.DraftId, step.Kind.ToString());
            await context.CallActivityAsync<bool>(NotifyOperator.Name,
                new NotifyOperatorInput(input.TenantId, input.DraftId, step.Kind, input.CorrelationId,
                    DealKeys.IdempotencyKey(context.InstanceId, context.CurrentUtcDateTime, $"{index}/{step.Kind}")),
                Retries.Notification);
        }

        if (decision is null)
        {
            if (await DecidedBeforeAsync(context, decided, plan.ExpiresAt))
            {
                decision = await decided;
            }
            else
            {
                bool expired = await context.CallActivityAsync<bool>(CloseDraft.Name,
                    new CloseDraftInput(input.TenantId, input.DraftId, DraftStatus.Expired, "approval_sla_expired", input.CorrelationId,
                        DealKeys.IdempotencyKey(context.InstanceId, context.CurrentUtcDateTime, "expire")), Retries.Storage);

                // An operator who decided in the last moment won the conditional update: their event is on its way.
                decision = expired ? DraftDecision.Expired(input.DraftId) : await decided;
            }
        }

        context.SendEvent(input.DealInstanceId, DealEvents.DraftResolved, decision);
        return decision;
    }

    private static async Task<bool> DecidedBeforeAsync(TaskOrchestrationContext context, Task<DraftDecision> decided, DateTime dueAt)
    {
        if (decided.IsCompleted)
        {
            return true;
        }

        using var timerCancellation = new CancellationTokenSource();
        Task lapsed = context.CreateTimer(dueAt, timerCancellation.Token);
        if (await Task.WhenAny(decided, lapsed) == decided)
        {
            timerCancellation.Cancel(); // an open durable timer would keep the instance alive
            return true;
        }

        return false;
    }
}
