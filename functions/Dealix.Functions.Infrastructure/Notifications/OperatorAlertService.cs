using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// <see cref="IOperatorAlerts"/>: validates the alert, records it (once per idempotency key), then records one pending
/// delivery per recipient and channel and queues each (<see cref="OperatorAlertDispatcher"/> sends them). Nothing is
/// queued before it is recorded, and a retried call after a crash queues what the first call did not finish; a
/// delivery queued twice is still sent once (the dispatcher claims its row).
/// </summary>
public sealed partial class OperatorAlertService(
    OperatorAlertStore store, OperatorDirectory directory, IAlertDeliveries queue, TimeProvider clock, ILogger<OperatorAlertService> log) : IOperatorAlerts
{
    /// <summary>True when the alert is (or was already) handed to delivery; false when no contact or webhook serves its
    /// tenant (it stays on the table as <c>no_recipients</c>).</summary>
    public async Task<bool> SendAsync(OperatorAlert alert, CancellationToken cancellationToken = default)
    {
        if (OperatorAlertValidation.Problem(alert) is { } problem)
        {
            throw new ArgumentException(problem, nameof(alert));
        }

        string alertId = OperatorAlertStore.AlertId(alert);
        DateTimeOffset now = clock.GetUtcNow();
        if (await store.RecordAsync(alert, now, cancellationToken))
        {
            Recorded(log, alert.Tenant, alert.Kind, alert.Severity, alertId);
        }
        else if (await store.GetAsync(alert.Tenant, alertId, cancellationToken) is { } existing && existing.Status != AlertStatus.Recorded)
        {
            return existing.Status == AlertStatus.Dispatched;
        }

        var targets = new List<(string Channel, string Recipient)>();
        foreach (OperatorContact contact in directory.RecipientsOf(alert))
        {
            if (contact.Email is not null)
            {
                targets.Add((AlertChannel.Email, contact.Id));
            }

            if (contact.WhatsApp is not null)
            {
                targets.Add((AlertChannel.WhatsApp, contact.Id));
            }
        }

        targets.AddRange(directory.WebhooksOf(alert.Tenant).Select(w => (AlertChannel.Webhook, w.Id)));
        if (targets.Count == 0)
        {
            await store.SetStatusAsync(alert.Tenant, alertId, AlertStatus.NoRecipients, cancellationToken);
            NoRecipients(log, alert.Tenant, alert.Kind, alertId);
            return false;
        }

        foreach ((string channel, string recipient) in targets)
        {
            AlertDelivery delivery = await store.AddDeliveryAsync(alert.Tenant, alertId, channel, recipient, now, cancellationToken);
            if (delivery.Status == AlertStatus.Pending)
            {
                await queue.EnqueueAsync(new AlertDeliveryMessage(alert.Tenant, alertId, delivery.DeliveryId), cancellationToken: cancellationToken);
            }
        }

        await store.SetStatusAsync(alert.Tenant, alertId, AlertStatus.Dispatched, cancellationToken);
        return true;
    }

    [LoggerMessage(1700, LogLevel.Warning, "Operator alert recorded: tenant {TenantId}, {Kind} ({Severity}), alert {AlertId}")]
    private static partial void Recorded(ILogger logger, string tenantId, string kind, string severity, string alertId);

    [LoggerMessage(1701, LogLevel.Error, "Operator alert {AlertId} ({Kind}) of tenant {TenantId} has no recipient: configure Operators:Contacts or Operators:Webhooks")]
    private static partial void NoRecipients(ILogger logger, string tenantId, string kind, string alertId);
}
