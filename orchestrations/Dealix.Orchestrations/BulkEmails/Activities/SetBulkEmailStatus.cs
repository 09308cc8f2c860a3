using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.BulkEmails.Ports;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.BulkEmails.Activities;

/// <summary>
/// Records where a bulk e-mail stands. Approved: reads the approver from the approval draft and returns it. Rejected,
/// expired or not sent: every queued recipient becomes <c>skipped</c> with that reason (nothing was sent to any).
/// Completed, rejected, expired and not-sent are written once on the audit ledger. Returns the approver (or null).
/// </summary>
[DurableTask(Name)]
public sealed class SetBulkEmailStatus(IBulkEmailStore store, IDraftStore drafts, IAuditLedger ledger) : TaskActivity<BulkStatusChange, string?>
{
    public const string Name = "SetBulkEmailStatus";

    public override async Task<string?> RunAsync(TaskActivityContext context, BulkStatusChange input)
    {
        ArgumentNullException.ThrowIfNull(input);
        BulkStatusChange change = input;
        if (input.Status == BulkEmailStatus.Sending && input.DecidedBy is null && await store.GetAsync(input.TenantId, input.BulkId) is { DecidedBy: null } bulk)
        {
            ReplyDraft? approval = await drafts.GetAsync(input.TenantId, bulk.ApprovalId);
            change = input with { DecidedBy = approval?.Reviewer ?? "approver" };
        }

        if (input.Status is BulkEmailStatus.Rejected or BulkEmailStatus.Expired or BulkEmailStatus.NotSent)
        {
            foreach (BulkRecipient queued in (await store.ListRecipientsAsync(input.TenantId, input.BulkId)).Where(r => r.Status == BulkRecipient.Queued))
            {
                await store.SetRecipientAsync(queued with { Status = BulkRecipient.Skipped, Reason = $"bulk_{input.Status}", UpdatedAt = input.At });
            }
        }

        await store.SetStatusAsync(change);
        if (BulkEmailStatus.IsFinal(input.Status))
        {
            IReadOnlyList<BulkRecipient> rows = await store.ListRecipientsAsync(input.TenantId, input.BulkId);
            string counts = string.Join(", ", rows.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            await ledger.AppendAsync(new AuditEntry(AuditIds.From($"bulk-email:{input.TenantId}:{input.BulkId}", input.Status), input.TenantId, input.CorrelationId,
                $"bulk_email_{input.Status}", "B", "automation", input.BulkId, input.At, Channel: "email", ApprovalId: Rules.BulkEmailRules.ApprovalId(input.BulkId),
                Reason: counts, Outcome: input.Status));
        }

        return change.DecidedBy;
    }
}
