using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Infrastructure.DealConnectors;

/// <summary>
/// Takes a checked payment delivery into the system, durable first: the event id is recorded, the payment is raised on
/// its deal (the engine stores the event before it answers), and only then is the id marked handed over, so a
/// redelivery is a duplicate and a delivery whose hand-over failed is processed again. The deal drops a payment id it
/// has seen, so a double hand-over proposes nothing twice. A paid payment for a deal that is not running is recorded
/// and an operator alerted; other event types are recorded only.
/// </summary>
public sealed class PaymentIntake(IInboundDeduplicator deduplicator, IAuditLedger ledger, IOperatorAlerts alerts, TimeProvider clock)
{
    /// <summary>The deduplication namespace of payment events.</summary>
    public const string Provider = "moyasar";

    /// <summary>Accepts one delivery; returns <c>accepted</c>, <c>duplicate</c>, <c>ignored</c> or <c>unmatched</c>.</summary>
    public async Task<string> AcceptAsync(DurableTaskClient client, MoyasarWebhookEvent delivery, string correlationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(delivery);
        string key = $"{delivery.TenantId}:{delivery.EventId}";
        if (!await deduplicator.TryRecordAsync(Provider, key, cancellationToken) && await deduplicator.IsHandedOverAsync(Provider, key, cancellationToken))
        {
            return "duplicate";
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        try
        {
            string outcome;
            if (!delivery.IsPaid)
            {
                outcome = "ignored";
            }
            else if (await client.GetInstanceAsync(delivery.DealInstanceId, getInputsAndOutputs: false, cancellationToken) is not { IsRunning: true })
            {
                outcome = "unmatched";
                await alerts.SendAsync(new OperatorAlert(delivery.TenantId, "payment_unmatched", OperatorAlertSeverity.Warning, "Payment received for no running deal",
                    $"Payment {delivery.PaymentId} (event {delivery.EventId}) names deal {delivery.DealInstanceId}, which is not running: confirm it by hand.",
                    $"payment:{key}", "operator"), cancellationToken);
            }
            else
            {
                await client.RaiseEventAsync(delivery.DealInstanceId, DealEvents.PaymentReceived, new PaymentReceived(delivery.PaymentId, delivery.EventId, delivery.Type,
                    delivery.Amount, delivery.Currency, delivery.InvoiceId, now, correlationId), cancellationToken);
                outcome = "accepted";
            }

            await ledger.AppendAsync(new AuditEntry(AuditIds.From($"payment:{key}"), delivery.TenantId, correlationId, "payment_webhook", "A", "payment_provider",
                delivery.DealInstanceId, now, Reason: $"{delivery.Type} {delivery.PaymentId} {delivery.Status}", Outcome: outcome), cancellationToken);
            await deduplicator.MarkHandedOverAsync(Provider, key, cancellationToken);
            return outcome;
        }
        catch
        {
            // Not handed over: forget the id so the provider's retry is processed instead of dropped.
            await deduplicator.ForgetAsync(Provider, key, CancellationToken.None);
            throw;
        }
    }
}
