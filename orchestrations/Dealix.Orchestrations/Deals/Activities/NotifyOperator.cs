using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Reminds the team lead (warning) or escalates to the founder (breach) about a draft waiting for approval, once per
/// call, and records it on the ledger.
/// </summary>
[DurableTask(Name)]
public sealed class NotifyOperator(IOperatorNotifier notifier, IAuditLedger ledger, TimeProvider clock) : TaskActivity<NotifyOperatorInput, bool>
{
    public const string Name = "NotifyOperator";

    public override async Task<bool> RunAsync(TaskActivityContext context, NotifyOperatorInput input)
    {
        string key = ActivityKeys.Of(context, input.IdempotencyKey, input);
        bool delivered = await notifier.NotifyAsync(input.TenantId, input.DraftId, input.Kind, input.CorrelationId, key);
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(key), input.TenantId, input.CorrelationId,
            input.Kind == ApprovalStepKind.Reminder ? "approval_reminder" : "approval_escalation", "A", "automation",
            input.DraftId, clock.GetUtcNow().UtcDateTime, ApprovalId: input.DraftId,
            To: input.Kind == ApprovalStepKind.Reminder ? "team_lead" : "founder", Outcome: delivered ? "notified" : "not_delivered"));
        return delivered;
    }
}
