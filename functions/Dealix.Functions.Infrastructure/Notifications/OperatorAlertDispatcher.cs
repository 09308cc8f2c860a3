using Dealix.Functions.Infrastructure.Channels;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// Sends one queued alert delivery, at most once per delivery row: e-mail through the SMTP adapter, WhatsApp through the
/// WhatsApp channel (Cloud API), the team-chat webhook through <see cref="OperatorWebhookSender"/>. In order:
/// <list type="number">
/// <item>a delivery already <c>sent</c>, <c>simulated</c> or <c>failed</c> is done (a redelivered message changes nothing);</item>
/// <item>the channel's live-send flag off (<c>Operators:LiveSend:*</c>): recorded as <c>simulated</c>;</item>
/// <item>the row is claimed (<c>sending</c>) with a conditional update: only the winner calls the provider;</item>
/// <item>sent: <c>sent</c> with the provider's id. Certainly not sent (refused, unreachable): back to <c>pending</c> and
/// queued again after a doubling delay, until <c>MaxAttempts</c>, then <c>failed</c>. Unknown (e-mail/WhatsApp answer lost):
/// <c>failed</c> at once, never re-sent blindly; the webhook is retried, its receiver de-duplicates by delivery id.</item>
/// </list>
/// WhatsApp alerts go out as the approved template of <c>Operators:WhatsAppTemplate</c> when one is set (allowed at
/// any time); as text otherwise, and then a 131047 refusal (the operator's 24-hour window is closed) fails the delivery
/// at once as <c>whatsapp_template_required</c>: repeating the same text cannot succeed.
/// A row left <c>sending</c> past the lease (its sender died mid-call) is treated like an unknown outcome.
/// Operator alerts are not held by the kill switch (§17.8 halts actions towards customers; the people who may lift it
/// must still hear what happens).
/// </summary>
public sealed partial class OperatorAlertDispatcher(
    OperatorAlertStore store,
    OperatorDirectory directory,
    IAlertDeliveries queue,
    ChannelRouter router,
    OperatorWebhookSender webhooks,
    IOptions<OperatorAlertOptions> options,
    TimeProvider clock,
    ILogger<OperatorAlertDispatcher> log)
{
    /// <summary>Handles one queued delivery; returns its state afterwards (null when the row does not exist).</summary>
    public async Task<string?> DeliverAsync(AlertDeliveryMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        OperatorAlertOptions settings = options.Value;
        if (await store.GetDeliveryWithVersionAsync(message.Tenant, message.DeliveryId, cancellationToken) is not { } found)
        {
            Missing(log, message.Tenant, message.DeliveryId);
            return null;
        }

        (AlertDelivery delivery, Azure.ETag version) = found;
        DateTimeOffset now = clock.GetUtcNow();
        switch (delivery.Status)
        {
            case AlertStatus.Sent or AlertStatus.Simulated or AlertStatus.Failed:
                return delivery.Status;
            case AlertStatus.Sending when delivery.ClaimedAt is { } since && now - since < settings.SendLease:
                // Another sender is calling the provider; look again once its lease is over, in case it died.
                await queue.EnqueueAsync(message, settings.SendLease - (now - since) + TimeSpan.FromSeconds(1), cancellationToken);
                return delivery.Status;
            case AlertStatus.Sending when delivery.Channel != AlertChannel.Webhook:
                return await FinishAsync(delivery, version, AlertStatus.Failed, "outcome_unknown:sender_lost", null, cancellationToken);
        }

        if (!directory.IsLive(delivery.Channel))
        {
            return await FinishAsync(delivery, version, AlertStatus.Simulated, "live_send_off", null, cancellationToken);
        }

        StoredOperatorAlert? alert = await store.GetAsync(delivery.Tenant, delivery.AlertId, cancellationToken);
        Func<CancellationToken, Task<ChannelSendResult>>? send = alert is null ? null : Sender(delivery, alert);
        if (send is null)
        {
            return await FinishAsync(delivery, version, AlertStatus.Failed, alert is null ? "alert_missing" : "recipient_not_configured", null, cancellationToken);
        }

        AlertDelivery claim = delivery with { Status = AlertStatus.Sending, Attempts = delivery.Attempts + 1, UpdatedAt = now, ClaimedAt = now };
        if (await store.TryUpdateDeliveryAsync(claim, version, cancellationToken) is not { } claimed)
        {
            return AlertStatus.Sending; // another sender won the claim
        }

        ChannelSendResult result = await send(cancellationToken);
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                Delivered(log, claim.Tenant, claim.AlertId, claim.Channel, claim.Recipient);
                return await FinishAsync(claim, claimed, AlertStatus.Sent, null, result.ProviderMessageId, CancellationToken.None);
            case SendOutcome.Unknown when claim.Channel != AlertChannel.Webhook:
                return await FinishAsync(claim, claimed, AlertStatus.Failed, $"outcome_unknown:{result.Provider}:{result.Error}", null, CancellationToken.None);
            default:
                string error = $"{result.Provider}:{result.Error}";
                if (claim.Channel == AlertChannel.WhatsApp && result.Error?.EndsWith(":131047", StringComparison.Ordinal) == true)
                {
                    error = $"whatsapp_template_required:{error}";
                    return await FinishAsync(claim, claimed, AlertStatus.Failed, error, null, CancellationToken.None);
                }

                if (claim.Attempts >= settings.MaxAttempts)
                {
                    return await FinishAsync(claim, claimed, AlertStatus.Failed, error, null, CancellationToken.None);
                }

                AlertDelivery retry = claim with { Status = AlertStatus.Pending, LastError = error, UpdatedAt = clock.GetUtcNow(), ClaimedAt = null };
                if (await store.TryUpdateDeliveryAsync(retry, claimed, CancellationToken.None) is not null)
                {
                    TimeSpan delay = settings.RetryDelay * Math.Pow(2, claim.Attempts - 1);
                    await queue.EnqueueAsync(message, delay, CancellationToken.None);
                    Retrying(log, claim.Tenant, claim.AlertId, claim.Channel, claim.Attempts, error);
                }

                return AlertStatus.Pending;
        }
    }

    private Func<CancellationToken, Task<ChannelSendResult>>? Sender(AlertDelivery delivery, StoredOperatorAlert stored)
    {
        // The alert as the operator reads it: its app-path link made absolute when the public base URL is configured.
        OperatorAlert alert = stored.Alert with { Link = AlertLinks.Render(stored.Alert.Link, directory.PublicBaseUrl) };
        string text = AlertTexts.Text(alert, stored.AlertId);
        string reference = "alert-" + delivery.DeliveryId[..32];
        switch (delivery.Channel)
        {
            case AlertChannel.Email when directory.Contact(delivery.Recipient)?.Email is { } email:
                return token => router.SendAsync(new ChannelSendRequest(delivery.Tenant, reference, MessageChannel.Email, email, text, stored.AlertId,
                    Subject: AlertTexts.Subject(alert)), token);
            case AlertChannel.WhatsApp when directory.Contact(delivery.Recipient)?.WhatsApp is { } phone:
                WhatsAppTemplate? template = directory.WhatsAppTemplate is { } t
                    ? new WhatsAppTemplate(t.Name, t.Language, AlertTexts.TemplateParameters(alert, stored.AlertId))
                    : null;
                return token => router.SendAsync(
                    new ChannelSendRequest(delivery.Tenant, reference, MessageChannel.WhatsApp, phone, text, stored.AlertId, Template: template), token);
            case AlertChannel.Webhook when directory.Webhook(delivery.Recipient) is { } webhook:
                byte[] body = AlertTexts.WebhookBody(alert, stored.AlertId, delivery.DeliveryId, stored.At);
                return token => webhooks.SendAsync(webhook, delivery.DeliveryId, body, token);
            default:
                return null;
        }
    }

    private async Task<string> FinishAsync(AlertDelivery delivery, Azure.ETag version, string status, string? error, string? providerMessageId,
        CancellationToken cancellationToken)
    {
        AlertDelivery done = delivery with
        {
            Status = status,
            LastError = error ?? delivery.LastError,
            ProviderMessageId = providerMessageId,
            UpdatedAt = clock.GetUtcNow(),
            ClaimedAt = null,
        };
        if (await store.TryUpdateDeliveryAsync(done, version, cancellationToken) is not null && status == AlertStatus.Failed)
        {
            Failed(log, delivery.Tenant, delivery.AlertId, delivery.Channel, delivery.Recipient, error ?? "");
        }

        return status;
    }

    [LoggerMessage(1710, LogLevel.Warning, "Operator alert delivery {DeliveryId} of tenant {TenantId} is not on the table; dropped")]
    private static partial void Missing(ILogger logger, string tenantId, string deliveryId);

    [LoggerMessage(1711, LogLevel.Information, "Operator alert {AlertId} of tenant {TenantId} delivered by {Channel} to {Recipient}")]
    private static partial void Delivered(ILogger logger, string tenantId, string alertId, string channel, string recipient);

    [LoggerMessage(1712, LogLevel.Warning, "Operator alert {AlertId} of tenant {TenantId} by {Channel}: attempt {Attempt} not sent ({Error}); retrying")]
    private static partial void Retrying(ILogger logger, string tenantId, string alertId, string channel, int attempt, string error);

    [LoggerMessage(1713, LogLevel.Error, "Operator alert {AlertId} of tenant {TenantId} by {Channel} to {Recipient} FAILED ({Error})")]
    private static partial void Failed(ILogger logger, string tenantId, string alertId, string channel, string recipient, string error);
}
