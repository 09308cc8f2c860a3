using System.Text.Json;
using Azure.Storage.Queues;
using Dealix.Functions.Infrastructure.Storage;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>Alert deliveries on an Azure Storage queue (<c>dealix-operator-alerts</c>), base64-encoded as host.json's
/// queue settings expect.</summary>
public sealed class StorageQueueAlertDeliveries(QueueClient queue) : IAlertDeliveries
{
    private int _created;

    public async Task EnqueueAsync(AlertDeliveryMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await queue.SendMessageAsync(JsonSerializer.Serialize(message, StoredJson.Options), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
