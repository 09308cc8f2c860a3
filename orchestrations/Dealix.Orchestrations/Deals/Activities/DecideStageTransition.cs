using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Applies the deal state machine (§8.3) to one trigger and records the transition on the audit ledger. Runs as an
/// activity so that a change to the rules never makes a running deal's history replay differently. A move into an
/// approval stage without a correlation id is refused (I6) and the refusal is recorded.
/// </summary>
[DurableTask(Name)]
public sealed class DecideStageTransition(IDealStageRules rules, IAuditLedger ledger, TimeProvider clock)
    : TaskActivity<TransitionInput, StageTransition>
{
    public const string Name = "DecideStageTransition";

    public override async Task<StageTransition> RunAsync(TaskActivityContext context, TransitionInput input)
    {
        string key = ActivityKeys.Of(context, input.IdempotencyKey, input);
        StageTransition transition = rules.Apply(input.Current, input.Trigger);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        bool sensitive = DealStages.IsApprovalStage(transition.To) && transition.Changed;
        if (sensitive && string.IsNullOrWhiteSpace(input.CorrelationId))
        {
            await ledger.AppendAsync(new AuditEntry(
                AuditIds.From(key), input.TenantId, string.Empty, "missing_correlation_id", "B", input.Actor,
                input.DealInstanceId, now, From: DealStages.WireName(transition.From), To: DealStages.WireName(transition.To),
                Reason: input.Trigger.Name, Outcome: "refused"));
            return StageTransition.Unchanged(input.Current, input.Trigger.Name) with { Reason = "missing_correlation_id" };
        }

        if (transition.Changed)
        {
            bool proposedOnly = transition.NeedsApproval && input.Actor == "automation";
            await ledger.AppendAsync(new AuditEntry(
                AuditIds.From(key), input.TenantId, input.CorrelationId, "stage_transition", sensitive ? "B" : "A",
                input.Actor, input.DealInstanceId, now, From: DealStages.WireName(transition.From), To: DealStages.WireName(transition.To),
                Reason: transition.Reason is null ? input.Trigger.Name : $"{input.Trigger.Name}: {transition.Reason}",
                Outcome: proposedOnly ? "proposed" : "applied"));
        }

        return transition;
    }
}
