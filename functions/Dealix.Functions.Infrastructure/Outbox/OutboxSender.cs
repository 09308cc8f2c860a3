using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Outreach;
using Dealix.Functions.Infrastructure.Reliability;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>
/// Sends one approved draft from the outbox, exactly once. Before any provider call it re-checks the kill switch (held
/// while paused), the correlation id (Class B), the draft's status (only <c>approved</c> drafts go), the suppression list
/// and the channel's live-send flag (off: recorded as <c>simulated</c>); then it records the idempotency key by moving
/// the draft to <c>sending</c> with a conditional update, and only the caller that won that update calls the provider.
/// WhatsApp needs the contact's opt-in (§7.4, I3); outside the 24-hour window (a follow-up, or a reply whose window
/// closed while it waited) it is never sent free-form: it goes back for approval as the tenant's approved template
/// message, or becomes <c>manual_required</c> when no template is configured.
/// An unknown outcome becomes <c>send_unknown</c> and an operator is told; it is never retried automatically.
/// A claim whose sender died (older than <see cref="OutboxOptions.SendingLease"/>) is retried when it never reached the
/// provider call, and flagged <c>send_unknown</c> when it did (see <see cref="ResolveAbandonedClaimAsync"/>).
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
    ILogger<OutboxSender> log,
    IWhatsAppOptIns? optIns = null,
    IOptions<WhatsAppTemplateOptions>? templates = null)
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

        if (draft.Kind == DraftKind.LoopAction)
        {
            await AuditAsync(message, "send", "refused", reason: "loop_approval_is_not_a_message");
            return SendDisposition.Refused;
        }

        if (draft.Kind is DraftKind.OnboardingStep or DraftKind.ConnectorAction)
        {
            await AuditAsync(message, "send", "refused", reason: draft.Kind == DraftKind.ConnectorAction ? "connector_approval_is_not_a_message" : "onboarding_approval_is_not_a_message");
            return SendDisposition.Refused; // an onboarding step's approval record: there is nothing to send
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        if (draft.Status == DraftStatus.Sending && IsAbandoned(draft, now))
        {
            // Its sender died (a redelivered message finds the claim it left): retry or flag, never leave it.
            SendDisposition resolved = await ResolveAbandonedClaimAsync(draft, requeue: false, cancellationToken);
            if (resolved != SendDisposition.Retried)
            {
                return resolved;
            }

            draft = await drafts.GetAsync(message.TenantId, message.DraftId, cancellationToken) ?? draft;
        }

        if (draft.Status != DraftStatus.Approved)
        {
            Skipped(log, message.DraftId, draft.Status.ToString());
            return SendDisposition.Skipped; // a redelivery, or a draft decided otherwise: never a second send
        }

        var outgoing = new Orchestrations.SelfImprovement.Contracts.AutomatedAction(draft.TenantId, "send_message", message.CorrelationId, draft.DraftId)
        {
            Audience = "contact",
            Text = draft.Text,
            ApprovedBy = draft.AutoApproved ? null : draft.Reviewer,
        };
        if (Orchestrations.SelfImprovement.Rules.RedLines.Check(outgoing) is { } redLine)
        {
            // §17.9: a message carrying a credential (red line 5) is never sent, approved or not.
            await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Approved, DraftStatus.Cancelled, new DraftChange("automation", now, redLine.Code), cancellationToken);
            await AuditAsync(message, "send", "refused", reason: redLine.Code);
            return SendDisposition.Refused;
        }

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

        DealSettings tenant = await settings.GetAsync(draft.TenantId, cancellationToken);
        if (draft.Channel == MessageChannel.WhatsApp && await WhatsAppRefusalAsync(message, draft, tenant, now, cancellationToken) is { } refusal)
        {
            return refusal;
        }

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
        // 'sending' may call the provider, so a redelivered or concurrent message cannot send it twice. The claim has
        // an id of its own; every later write of this attempt is conditional on it, so a claim taken over after this
        // process was presumed dead cannot be overwritten by it.
        string claimId = Guid.NewGuid().ToString("N");
        DraftUpdate claim = await drafts.TransitionAsync(
            draft.TenantId, draft.DraftId, Approved, DraftStatus.Sending, new DraftChange(At: now, Reason: "sending") { ClaimId = claimId }, cancellationToken);
        if (!claim.Applied)
        {
            return SendDisposition.Skipped;
        }

        CrashPoints.Hit("outbox.after-claim");

        // Until this mark a dead sender certainly did not call the provider, and its claim is retried; after it, the
        // provider may have the message, and an abandoned claim goes to an operator as send_unknown.
        DraftUpdate dispatched = await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.Sending,
            new DraftChange(At: clock.GetUtcNow().UtcDateTime) { IfClaimId = claimId, Dispatched = true }, cancellationToken);
        if (!dispatched.Applied)
        {
            return SendDisposition.Skipped;
        }

        ChannelSendResult result = await router.SendAsync(Request(draft), cancellationToken);
        CrashPoints.Hit("outbox.after-provider-call");
        DateTime at = clock.GetUtcNow().UtcDateTime;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.Sent,
                    new DraftChange(At: at, Reason: result.Provider, ProviderMessageId: result.ProviderMessageId) { IfClaimId = claimId }, CancellationToken.None);
                await AuditAsync(message, "send", "sent", reason: result.Provider);
                Sent(log, draft.DraftId, result.Provider, message.CorrelationId);
                return SendDisposition.Sent;
            case SendOutcome.Rejected:
                await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.Failed,
                    new DraftChange(At: at, Reason: $"{result.Provider}: {result.Error}") { IfClaimId = claimId }, CancellationToken.None);
                await AuditAsync(message, "send", "failed", reason: $"{result.Provider}: {result.Error}");
                return SendDisposition.Failed;
            case SendOutcome.NotSent when claim.Draft!.SendAttempts < options.Value.MaxSendAttempts:
                // Nothing reached the provider (e.g. a timeout while the request still waited for a connection): release
                // the claim and send again later; flagging it would make an operator check a message that never left.
                DraftUpdate released = await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.Approved,
                    new DraftChange(At: at, Reason: $"{result.Provider}: {result.Error}") { IfClaimId = claimId, ReleaseClaim = true, Recovered = true },
                    CancellationToken.None);
                if (released.Applied)
                {
                    await outbox.EnqueueAsync(message, options.Value.RetryDelay, CancellationToken.None);
                    await AuditAsync(message, "send_retry", "requeued", reason: $"{result.Provider}: {result.Error}");
                    Retried(log, draft.DraftId, claim.Draft.SendAttempts, message.CorrelationId);
                }

                return SendDisposition.Retried;
            case SendOutcome.NotSent:
                await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.Failed,
                    new DraftChange(At: at, Reason: $"{result.Provider}: {result.Error}; attempts exhausted") { IfClaimId = claimId }, CancellationToken.None);
                await AuditAsync(message, "send", "failed", reason: $"{result.Provider}: {result.Error}; attempts exhausted");
                await notifier.NotifyAsync(draft.TenantId, draft.DraftId, ApprovalStepKind.Escalation, message.CorrelationId, $"send-failed:{draft.DraftId}", CancellationToken.None);
                return SendDisposition.Failed;
            default:
                await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.SendUnknown,
                    new DraftChange(At: at, Reason: $"{result.Provider}: {result.Error}") { IfClaimId = claimId }, CancellationToken.None);
                await AuditAsync(message, "send", "send_unknown", reason: $"{result.Provider}: {result.Error}");
                await notifier.NotifyAsync(draft.TenantId, draft.DraftId, ApprovalStepKind.Escalation, message.CorrelationId, $"send-unknown:{draft.DraftId}", CancellationToken.None);
                Unknown(log, draft.DraftId, result.Provider, message.CorrelationId);
                return SendDisposition.Unknown;
        }
    }

    /// <summary>
    /// True when a <c>sending</c> claim has outlived <see cref="OutboxOptions.SendingLease"/>, longer than any live
    /// attempt takes (provider timeouts and retries included): its sender is gone.
    /// </summary>
    public bool IsAbandoned(ReplyDraft draft, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Status == DraftStatus.Sending && (draft.ClaimedAt ?? draft.DecidedAt ?? draft.CreatedAt) + options.Value.SendingLease <= now;
    }

    /// <summary>
    /// Settles an abandoned claim: never dispatched, the provider certainly did not get the message and the draft goes
    /// back to <c>approved</c> to be sent again (re-queued when <paramref name="requeue"/>), unless it has used up
    /// <see cref="OutboxOptions.MaxSendAttempts"/> (then failed, an operator is told); dispatched (or claimed before claims
    /// were recorded), the provider may have it: <c>send_unknown</c>, and an operator is told.
    /// </summary>
    public async Task<SendDisposition> ResolveAbandonedClaimAsync(ReplyDraft draft, bool requeue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboundMessage(draft.TenantId, draft.DraftId, draft.DealInstanceId, draft.Channel, draft.CorrelationId, draft.AutoApproved);
        bool dispatched = draft.DispatchedAt is not null || draft.ClaimId is null;
        if (!dispatched && draft.SendAttempts < options.Value.MaxSendAttempts)
        {
            DraftUpdate released = await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, DraftStatus.Approved,
                new DraftChange(At: now, Reason: "claim_abandoned_before_provider_call") { IfClaimId = draft.ClaimId, ReleaseClaim = true, Recovered = true },
                cancellationToken);
            if (!released.Applied)
            {
                return SendDisposition.Skipped;
            }

            await AuditAsync(message, "send_retry", "requeued", reason: "claim_abandoned_before_provider_call");
            if (requeue)
            {
                await outbox.EnqueueAsync(message, null, cancellationToken);
            }

            Retried(log, draft.DraftId, draft.SendAttempts, draft.CorrelationId);
            return SendDisposition.Retried;
        }

        DraftStatus to = dispatched ? DraftStatus.SendUnknown : DraftStatus.Failed;
        string reason = dispatched ? "sender_died_after_dispatch" : "send_attempts_exhausted";
        DraftUpdate flagged = await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Sending, to,
            new DraftChange(At: now, Reason: reason) { IfClaimId = draft.ClaimId }, cancellationToken);
        if (!flagged.Applied)
        {
            return SendDisposition.Skipped;
        }

        await AuditAsync(message, "send", dispatched ? "send_unknown" : "failed", reason: reason);
        await notifier.NotifyAsync(draft.TenantId, draft.DraftId, ApprovalStepKind.Escalation, draft.CorrelationId, $"send-unknown:{draft.DraftId}", CancellationToken.None);
        Unknown(log, draft.DraftId, reason, draft.CorrelationId);
        return dispatched ? SendDisposition.Unknown : SendDisposition.Failed;
    }

    /// <summary>
    /// The WhatsApp rules before a send. No cold WhatsApp (I3): a reply answers the contact's own message (that message is
    /// recorded as their opt-in, source <c>inbound</c>, §7.4); anything else needs an opt-in record, or it becomes
    /// <c>manual_required</c>. Outside the 24-hour window (a follow-up, a first touch, or a reply whose window closed while
    /// it waited) only an approved template may go (§7.2, channels.md §1.7): a free-form draft is turned into the
    /// tenant's template for its kind and goes back to <c>pending_approval</c> — still behind approval — and an operator
    /// is told; with no template configured it becomes <c>manual_required</c> as before. Null means the send may go on.
    /// </summary>
    private async Task<SendDisposition?> WhatsAppRefusalAsync(OutboundMessage message, ReplyDraft draft, DealSettings tenant, DateTime now, CancellationToken cancellationToken)
    {
        if (draft.Kind == DraftKind.Reply)
        {
            if (optIns is not null && draft.InReplyToMessageId is { Length: > 0 } inbound)
            {
                await optIns.AddAsync(new WhatsAppOptInRecord(draft.TenantId, draft.ContactId, draft.To, "inbound", draft.CreatedAt,
                    "(the contact wrote first)", inbound), cancellationToken);
            }
        }
        else if (optIns is null || await optIns.FindAsync(draft.TenantId, draft.To, cancellationToken) is null)
        {
            await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Approved, DraftStatus.ManualRequired,
                new DraftChange(At: now, Reason: "no_whatsapp_opt_in"), cancellationToken);
            await AuditAsync(message, "send", "manual_required", reason: "no_whatsapp_opt_in");
            return SendDisposition.ManualRequired;
        }

        bool windowClosed = draft.Kind != DraftKind.Reply || draft.ExpiresAt is { } closes && closes <= now;
        if (!windowClosed || draft.Template is not null)
        {
            return null;
        }

        if (TemplateFor(draft, tenant) is not { } template)
        {
            // A free-form text would be refused (131047) or, through a gateway, break the rule. An operator decides.
            await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Approved, DraftStatus.ManualRequired,
                new DraftChange(At: now, Reason: "whatsapp_window_closed"), cancellationToken);
            await AuditAsync(message, "send", "manual_required", reason: "whatsapp_window_closed");
            return SendDisposition.ManualRequired;
        }

        DraftUpdate proposed = await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Approved, DraftStatus.PendingApproval,
            new DraftChange(At: now, Reason: "whatsapp_template_required", EditedText: Preview(template), Template: template), cancellationToken);
        if (!proposed.Applied)
        {
            return SendDisposition.Skipped;
        }

        await AuditAsync(message, "send", "pending_template_approval", reason: $"whatsapp_window_closed; template {template.Name}");
        await notifier.NotifyAsync(draft.TenantId, draft.DraftId, ApprovalStepKind.Reminder, message.CorrelationId, $"template:{draft.DraftId}", cancellationToken);
        return SendDisposition.PendingTemplateApproval;
    }

    private WhatsAppTemplate? TemplateFor(ReplyDraft draft, DealSettings tenant)
    {
        WhatsAppTemplateOptions? options = templates?.Value;
        string kind = TableDraftStore.Wire(draft.Kind);
        TemplateSetting? setting = options?.Tenants.TryGetValue(draft.TenantId, out Dictionary<string, TemplateSetting>? own) == true && own!.TryGetValue(kind, out TemplateSetting? t)
            ? t
            : options?.Kinds.GetValueOrDefault(kind);
        if (setting is null || setting.Name.Length == 0)
        {
            return null;
        }

        var parameters = new List<string>(setting.Parameters.Count);
        foreach (string placeholder in setting.Parameters)
        {
            if (!tenant.Placeholders.TryGetValue(placeholder, out string? value) || string.IsNullOrWhiteSpace(value))
            {
                return null; // an unfilled parameter would be refused (132000); better an operator than a broken message
            }

            parameters.Add(value);
        }

        return new WhatsAppTemplate(setting.Name, setting.Language, parameters);
    }

    /// <summary>What the approver reads for a template message: its name, language and parameters.</summary>
    public static string Preview(WhatsAppTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return $"[WhatsApp template {template.Name} ({template.Language})] " + string.Join(" | ", template.Parameters);
    }

    private ChannelSendRequest Request(ReplyDraft draft) => new(
        draft.TenantId, draft.DraftId, draft.Channel, draft.To, draft.Text, draft.CorrelationId,
        Subject: draft.Subject, InReplyTo: draft.InReplyToMessageId,
        UnsubscribeUrl: draft.Channel == MessageChannel.Email ? unsubscribe.Url(draft.TenantId, draft.ContactId) : null,
        UnsubscribeMailto: draft.Channel == MessageChannel.Email ? unsubscribe.Mailto(draft.TenantId, draft.ContactId) : null,
        Template: draft.Channel == MessageChannel.WhatsApp ? draft.Template : null);

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

    [LoggerMessage(1154, LogLevel.Warning, "Outbox: draft {DraftId} claim abandoned before the provider call (attempt {Attempt}); sent again (correlation {CorrelationId})")]
    private static partial void Retried(ILogger logger, string draftId, int attempt, string correlationId);

    [LoggerMessage(1153, LogLevel.Warning, "Outbox: draft {DraftId} outcome unknown via {Provider}; an operator decides (correlation {CorrelationId})")]
    private static partial void Unknown(ILogger logger, string draftId, string provider, string correlationId);
}
