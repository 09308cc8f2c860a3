using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>Appends one orchestration-level line to the audit ledger (refusals, operator events, ignored messages).</summary>
[DurableTask(Name)]
public sealed class RecordAudit(IAuditLedger ledger, TimeProvider clock) : TaskActivity<RecordAuditInput, bool>
{
    public const string Name = "RecordAudit";

    public override async Task<bool> RunAsync(TaskActivityContext context, RecordAuditInput input)
    {
        string key = ActivityKeys.Of(context, input.IdempotencyKey, input);
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(key), input.TenantId, input.CorrelationId, input.Action, input.ActionClass, input.Actor,
            input.Target, clock.GetUtcNow().UtcDateTime, From: input.From, To: input.To, Reason: input.Reason,
            ApprovalId: input.ApprovalId, Outcome: input.Outcome));
        return true;
    }
}
