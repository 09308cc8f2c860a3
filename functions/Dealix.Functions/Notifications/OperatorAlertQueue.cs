using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Notifications;

/// <summary>
/// The operator-alert sender: each message on <c>dealix-operator-alerts</c> names one delivery (an alert to one operator
/// on one channel); <see cref="OperatorAlertDispatcher"/> sends it at most once, retrying refused sends with a delay and
/// leaving a visible <c>failed</c> state. A message that cannot be read fails and, after the queue's retries, goes to the
/// poison queue.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "STYLE.md names queue functions <Queue>Queue.")]
public static class OperatorAlertQueue
{
    public const string Name = "OperatorAlertDeliver";

    [Function(Name)]
    public static async Task RunAsync([QueueTrigger("dealix-operator-alerts")] string message, OperatorAlertDispatcher dispatcher, CancellationToken cancellation)
    {
        AlertDeliveryMessage delivery = JsonSerializer.Deserialize<AlertDeliveryMessage>(message, StoredJson.Options)
            ?? throw new JsonException("The operator alert message is empty.");
        if (string.IsNullOrEmpty(delivery.Tenant) || string.IsNullOrEmpty(delivery.DeliveryId))
        {
            throw new JsonException("The operator alert message names no tenant or delivery.");
        }

        await dispatcher.DeliverAsync(delivery, cancellation);
    }
}
