using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Ends a pending draft as expired (the approval SLA ran out) or cancelled (a newer message superseded it), unless an
/// operator decided first; records the change on the ledger. Returns true when this call ended the draft.
/// </summary>
[DurableTask(Name)]
public sealed class CloseDraft(IDraftStore drafts, IAuditLedger ledger, TimeProvider clock) : TaskActivity<CloseDraftInput, bool>
{
    public const string Name = "CloseDraft";

    public override async Task<bool> RunAsync(TaskActivityContext context, CloseDraftInput input)
    {
        string key = ActivityKeys.Of(context, input.IdempotencyKey, input);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        DraftUpdate update = await drafts.TransitionAsync(
            input.TenantId, input.DraftId, [DraftStatus.PendingApproval], input.Status, new DraftChange("automation", now, input.Reason));
        if (update.Applied)
        {
            await ledger.AppendAsync(new AuditEntry(
                AuditIds.From(key), input.TenantId, input.CorrelationId, "draft_closed", "A", "automation",
                update.Draft?.DealInstanceId ?? input.DraftId, now, ApprovalId: input.DraftId, Reason: input.Reason,
                Outcome: System.Text.Json.JsonSerializer.Serialize(input.Status).Trim('"')));
        }

        return update.Applied;
    }
}
