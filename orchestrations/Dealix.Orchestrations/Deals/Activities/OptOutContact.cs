using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// The opt-out of §9.3: adds the contact's address to the tenant's suppression list, cancels every pending or
/// approved-but-unsent draft of the deal and records the opt-out on the ledger. Sends nothing, not even a confirmation.
/// Returns how many drafts it cancelled.
/// </summary>
[DurableTask(Name)]
public sealed class OptOutContact(ISuppressionList suppression, IDraftStore drafts, IAuditLedger ledger, TimeProvider clock)
    : TaskActivity<OptOutInput, int>
{
    public const string Name = "OptOutContact";

    private static readonly DraftStatus[] Cancellable = [DraftStatus.PendingApproval, DraftStatus.Approved];

    public override async Task<int> RunAsync(TaskActivityContext context, OptOutInput input)
    {
        string key = ActivityKeys.Of(context, input.IdempotencyKey, input);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        await suppression.AddAsync(new SuppressionRecord(
            input.TenantId, input.Channel, input.Address, "unsubscribe", now, input.SourceMessageId, input.CorrelationId));

        int cancelled = 0;
        foreach (ReplyDraft draft in await drafts.ListForDealAsync(input.TenantId, input.DealInstanceId))
        {
            if (Cancellable.Contains(draft.Status))
            {
                DraftUpdate update = await drafts.TransitionAsync(
                    input.TenantId, draft.DraftId, Cancellable, DraftStatus.Cancelled, new DraftChange("automation", now, "opt_out"));
                cancelled += update.Applied ? 1 : 0;
            }
        }

        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(key), input.TenantId, input.CorrelationId, "opt_out", "A", "automation",
            input.DealInstanceId, now, Channel: System.Text.Json.JsonSerializer.Serialize(input.Channel).Trim('"'),
            Reason: $"unsubscribe; message {input.SourceMessageId}; {cancelled} draft(s) cancelled", Outcome: "suppressed"));
        return cancelled;
    }
}
