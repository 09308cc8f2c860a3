using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.BulkEmails.Ports;
using Dealix.Orchestrations.BulkEmails.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.BulkEmails.Activities;

/// <summary>
/// Sends a bulk e-mail to one recipient, at most once. A recipient already decided is answered from its row. Otherwise,
/// before its message exists: the kill switch (paused: <c>held</c>, nothing written) and the compliance check again
/// (an opt-out, bounce or complaint since the request: <c>skipped</c>); then the recipient's own draft is created
/// <c>approved</c> by the bulk's approver (kind <c>first_touch</c>, category <c>bulk_email</c>, id from the bulk and
/// prospect, so a retry finds it) and handed to the app's sender (<see cref="IDraftSender"/>: the outbox sender with
/// its own re-checks — kill switch, red lines, suppression, live-send flag — and its exactly-once claim). The recipient's
/// status is read back from the draft, so a redelivered or retried call reports what really happened and never sends
/// twice. A sent message counts against the tenant's daily e-mail cap. Returns the recipient's status (or <c>held</c>).
/// </summary>
[DurableTask(Name)]
public sealed class SendBulkRecipient(
    IBulkEmailStore store, IProspectStore prospects, ISuppressionList suppression, IDraftStore drafts, IDraftSender sender, ISendLog sendLog,
    IKillSwitch killSwitch, TimeProvider clock) : TaskActivity<BulkRecipientSend, string>
{
    public const string Name = "SendBulkRecipient";

    /// <summary>The kill switch held the recipient before its message was created.</summary>
    public const string Held = "held";

    public override async Task<string> RunAsync(TaskActivityContext context, BulkRecipientSend input)
    {
        ArgumentNullException.ThrowIfNull(input);
        BulkRecipient? recipient = await store.GetRecipientAsync(input.TenantId, input.BulkId, input.ProspectId);
        BulkEmail? bulk = await store.GetAsync(input.TenantId, input.BulkId);
        if (recipient is null || bulk is null)
        {
            return BulkRecipient.Skipped;
        }

        if (recipient.Status != BulkRecipient.Queued)
        {
            return recipient.Status;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        string draftId = BulkEmailRules.RecipientDraftId(input.TenantId, input.BulkId, input.ProspectId);
        ReplyDraft? draft = await drafts.GetAsync(input.TenantId, draftId);
        if (draft is null)
        {
            if (await killSwitch.IsPausedAsync(input.TenantId))
            {
                return Held;
            }

            Prospect? prospect = await prospects.GetAsync(input.TenantId, input.ProspectId);
            string? suppressed = prospect?.Email is { Length: > 0 } email ? (await suppression.FindAsync(input.TenantId, MessageChannel.Email, email))?.Reason : null;
            if (BulkEmailRules.Exclusion(prospect, suppressed, now) is { } reasons)
            {
                await store.SetRecipientAsync(recipient with { Status = BulkRecipient.Skipped, Reason = string.Join(',', reasons), UpdatedAt = now });
                return BulkRecipient.Skipped;
            }

            string contactId = DealKeys.ContactId(input.TenantId, MessageChannel.Email, prospect!.Email!);
            draft = new ReplyDraft
            {
                DraftId = draftId,
                TenantId = input.TenantId,
                DealInstanceId = DealKeys.DealInstanceId(input.TenantId, contactId),
                ContactId = contactId,
                Channel = MessageChannel.Email,
                To = prospect.Email!,
                Subject = bulk.Subject,
                Text = bulk.Body,
                Kind = BulkEmailRules.WindowKind,
                Category = BulkEmailRules.Action,
                Stage = DealStage.NewLead,
                Status = DraftStatus.Approved,
                CorrelationId = input.CorrelationId,
                CreatedAt = now,
                Reviewer = input.Approver,
                DecidedAt = now,
                DecisionReason = $"bulk_email {input.BulkId} approved as {bulk.ApprovalId}",
                AssignedOperator = input.Approver,
            };
            await drafts.CreateAsync(draft);
            await prospects.MarkContactedAsync(input.TenantId, input.ProspectId, now);
        }

        await sender.SendAsync(new OutboundMessage(input.TenantId, draftId, draft.DealInstanceId, MessageChannel.Email, input.CorrelationId, AutoApproved: false));
        ReplyDraft after = await drafts.GetAsync(input.TenantId, draftId) ?? draft;
        (string status, string? reason) = BulkEmailRules.Outcome(after);
        if (status == BulkRecipient.Queued)
        {
            return status; // held by the kill switch at the sender, or retried later by the outbox: still on its way
        }

        if (status == BulkRecipient.Sent)
        {
            await sendLog.RecordAsync(input.TenantId, MessageChannel.Email, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(3)), draftId);
        }

        await store.SetRecipientAsync(recipient with { Status = status, Reason = reason, DraftId = draftId, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        return status;
    }
}
