using Dealix.Functions.Infrastructure.Channels;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>
/// Sends one approved draft from the outbox, exactly once. Before any provider call it re-checks the kill switch (held
/// while paused), the correlation id (Class B), the draft's status (only <c>approved</c> drafts go), the suppression list
/// and the channel's live-send flag (off: recorded as <c>simulated</c>); then it records the idempotency key by moving
/// the draft to <c>sending</c> with a conditional update, and only the caller that won that update calls the provider.
/// A WhatsApp text outside the 24-hour window (a follow-up, or a reply whose window closed while it waited) is not sent
/// free-form: it becomes <c>manual_required</c>.
/// An unknown outcome becomes <c>send_unknown</c> and an operator is told; it is never retried automatically.
/// </summary>
public sealed partial class OutboxSender(
    IDraftStore drafts,
    ISuppressionList suppression,
    IKillSwitch killSwitch,
    IDealSettings settings,
    IAuditLedger ledger,
    IOutbox outbox,
    IOperatorNotifier notifier,
    ChannelRouter router,
    UnsubscribeLinks unsubscribe,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> log)
{
    private static readonly DraftStatus[] Approved = [DraftStatus.Approved];
    private static readonly DraftStatus[] Sending = [DraftStatus.Sending];

    /// <summary>Handles one outbox message.</summary>
    public async Task<SendDisposition> HandleAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await killSwitch.IsPausedAsync(message.TenantId, cancellationToken))
        {
            await outbox.EnqueueAsync(message, options.Value.PausedRetryDelay, cancellationToken);
            Held(log, message.DraftId, message.CorrelationId);
            return SendDisposition.Held;
        }

        if (string.IsNullOrWhiteSpace(message.CorrelationId))
        {
            await AuditAsync(message, "missing_correlation_id", "refused", reason: "send");
            return SendDisposition.Refused;
        }

        ReplyDraft? draft = await drafts.GetAsync(message.TenantId, message.DraftId, cancellationToken);
        if (draft is null)
        {
            await AuditAsync(message, "send", "refused", reason: "unknown_draft");
            return SendDisposition.Refused;
        }

        if (draft.Kind == DraftKind.OnboardingStep)
        {
            await AuditAsync(message, "send", "refused", reason: "onboarding_approval_is_not_a_message");
            return SendDisposition.Refused; // an onboarding step's approval record: there is nothing to send
        }

        if (draft.Status != DraftStatus.Approved)
        {
            Skipped(log, message.DraftId, draft.Status.ToString());
            return SendDisposition.Skipped; // a redelivery, or a draft decided otherwise: never a second send
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        if (await suppression.FindAsync(draft.TenantId, draft.Channel, draft.To, cancellationToken) is { } suppressed)
        {
            await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Approved, DraftStatus.Cancelled, new DraftChange("automation", now, "suppressed"), cancellationToken);
            await AuditAsync(message, "send", "cancelled", reason: $"suppressed: {suppressed.Reason}");
            return SendDisposition.Cancelled;
        }

        if (ChannelRouter.IsManual(draft.Channel))
        {
            await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Approved, DraftStatus.ManualRequired, new DraftChange(At: now, Reason: "manual_channel"), cancellationToken);
            await AuditAsync(message, "send", "manual_required");
            return SendDisposition.ManualRequired;
        }

        if (draft.Channel == MessageChannel.WhatsApp && (draft.Kind == DraftKind.FollowUp || draft.ExpiresAt is { } closes && closes <= now))
        {
            // Outside the 24-hour customer-service window only an approved template may go (§7.2, channels.md §1.7):
            // a free-form text would be refused (131047) or, through a gateway, break the rule. An operator decides.
            await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Approved, DraftStatus.ManualRequired,
                new DraftChange(At: now, Reason: "whatsapp_window_closed"), cancellationToken);
            await AuditAsync(message, "send", "manual_required", reason: "whatsapp_window_closed");
            return SendDisposition.ManualRequired;
        }

        DealSettings tenant = await settings.GetAsync(draft.TenantId, cancellationToken);
        if (!tenant.IsLive(draft.Channel))
        {
            DraftUpdate simulated = await drafts.TransitionAsync(
                draft.TenantId, draft.DraftId, Approved, DraftStatus.Simulated, new DraftChange(At: now, Reason: "live_send_off"), cancellationToken);
            if (simulated.Applied)
            {
                await AuditAsync(message, "send", "simulated", reason: "live_send_off");
            }

            return simulated.Applied ? SendDisposition.Simulated : SendDisposition.Skipped;
        }

        // The idempotency key is recorded before the provider call: only the caller that moves the draft to
        // 'sending' may call the provider, so a redelivered or concurrent message cannot send it twice.
        DraftUpdate claim = await drafts.TransitionAsync(
            draft.TenantId, draft.DraftId, Approved, DraftStatus.Sending, new DraftChange(At: now, Reason: "sending"), cancellationToken);
        if (!claim.Applied)
        {
            return SendDisposition.Skipped;
        }

        ChannelSendResult result = await router.SendAsync(Request(draft), cancellationToken);
        DateTime at = clock.GetUtcNow().UtcDateTime;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.Sent,
                    new DraftChange(At: at, Reason: result.Provider, ProviderMessageId: result.ProviderMessageId), CancellationToken.None);
                await AuditAsync(message, "send", "sent", reason: result.Provider);
                Sent(log, draft.DraftId, result.Provider, message.CorrelationId);
                return SendDisposition.Sent;
            case SendOutcome.Rejected:
                await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.Failed,
                    new DraftChange(At: at, Reason: $"{result.Provider}: {result.Error}"), CancellationToken.None);
                await AuditAsync(message, "send", "failed", reason: $"{result.Provider}: {result.Error}");
                return SendDisposition.Failed;
            default:
                await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.SendUnknown,
                    new DraftChange(At: at, Reason: $"{result.Provider}: {result.Error}"), CancellationToken.None);
                await AuditAsync(message, "send", "send_unknown", reason: $"{result.Provider}: {result.Error}");
                await notifier.NotifyAsync(draft.TenantId, draft.DraftId, ApprovalStepKind.Escalation, message.CorrelationId, $"send-unknown:{draft.DraftId}", CancellationToken.None);
                Unknown(log, draft.DraftId, result.Provider, message.CorrelationId);
                return SendDisposition.Unknown;
        }
    }

    private ChannelSendRequest Request(ReplyDraft draft) => new(
        draft.TenantId, draft.DraftId, draft.Channel, draft.To, draft.Text, draft.CorrelationId,
        Subject: draft.Subject, InReplyTo: draft.InReplyToMessageId,
        UnsubscribeUrl: draft.Channel == MessageChannel.Email ? unsubscribe.Url(draft.TenantId, draft.ContactId) : null,
        UnsubscribeMailto: draft.Channel == MessageChannel.Email ? unsubscribe.Mailto(draft.TenantId, draft.ContactId) : null);

    private Task AuditAsync(OutboundMessage message, string action, string outcome, string? reason = null) =>
        ledger.AppendAsync(new AuditEntry(
            AuditIds.From($"send:{message.TenantId}:{message.DraftId}", $"{action}:{outcome}"), message.TenantId, message.CorrelationId ?? string.Empty,
            action, "B", "automation", message.DealInstanceId, clock.GetUtcNow().UtcDateTime,
            Channel: System.Text.Json.JsonSerializer.Serialize(message.Channel).Trim('"'), Reason: reason, ApprovalId: message.DraftId,
            AutoApproved: message.AutoApproved, Outcome: outcome));

    [LoggerMessage(1150, LogLevel.Information, "Outbox: draft {DraftId} held while the kill switch is on (correlation {CorrelationId})")]
    private static partial void Held(ILogger logger, string draftId, string correlationId);

    [LoggerMessage(1151, LogLevel.Information, "Outbox: draft {DraftId} skipped, status {Status}")]
    private static partial void Skipped(ILogger logger, string draftId, string status);

    [LoggerMessage(1152, LogLevel.Information, "Outbox: draft {DraftId} sent via {Provider} (correlation {CorrelationId})")]
    private static partial void Sent(ILogger logger, string draftId, string provider, string correlationId);

    [LoggerMessage(1153, LogLevel.Warning, "Outbox: draft {DraftId} outcome unknown via {Provider}; an operator decides (correlation {CorrelationId})")]
    private static partial void Unknown(ILogger logger, string draftId, string provider, string correlationId);
}
