using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Reminds the team lead (warning) or escalates to the founder (breach) about a draft waiting for approval, once per
/// draft and step (shared with the approval-SLA sweep), and records it on the ledger.
/// </summary>
[DurableTask(Name)]
public sealed class NotifyOperator(IOperatorNotifier notifier, IAuditLedger ledger, TimeProvider clock,
    Support.Ports.IEscalationLedger? escalations = null) : TaskActivity<NotifyOperatorInput, bool>
{
    public const string Name = "NotifyOperator";

    public override async Task<bool> RunAsync(TaskActivityContext context, NotifyOperatorInput input)
    {
        // One key per draft and step, not per call: the 5-minute approval-SLA sweep notifies under the same key when
        // this timer was lost or late, so the two never notify twice (Support/Tracking/ApprovalSlaNotices).
        (bool delivered, _) = await Support.Tracking.ApprovalSlaNotices.NotifyAsync(notifier, ledger, escalations, clock.GetUtcNow().UtcDateTime,
            input.TenantId, input.DraftId, input.Kind, input.CorrelationId, "orchestration");
        return delivered;
    }
}
