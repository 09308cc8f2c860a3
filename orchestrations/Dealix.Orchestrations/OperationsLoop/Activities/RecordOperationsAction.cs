using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.OperationsLoop.Activities;

/// <summary>
/// Writes one line of the operations loop on the audit ledger (§17.7): the action, its target, reason and outcome, Class
/// A (internal: a task or an alert to the team), actor <c>automation</c>. The line's id comes from the key the loop fixes
/// per tenant, day and action, so a second run of the day adds no second line.
/// </summary>
[DurableTask(Name)]
public sealed class RecordOperationsAction(IAuditLedger ledger, TimeProvider clock) : TaskActivity<OpsAuditInput, bool>
{
    public const string Name = "RecordOperationsAction";

    public override async Task<bool> RunAsync(TaskActivityContext context, OpsAuditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await ledger.AppendAsync(new AuditEntry(AuditIds.From(input.IdempotencyKey), input.Tenant, input.CorrelationId, input.Action, "A", "automation", input.Target,
            clock.GetUtcNow().UtcDateTime, Reason: input.Reason, AutoApproved: input.AutoApproved, Outcome: input.Outcome));
        return true;
    }
}
