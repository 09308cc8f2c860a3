using Dealix.Functions.Infrastructure.Storage;
using System.Text.Json;
using Azure.Storage.Queues;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>The outbox on an Azure Storage queue (<c>dealix-outbox</c>), base64-encoded as host.json's queue settings
/// expect. The one place to swap for a Service Bus queue.</summary>
public sealed class StorageQueueOutbox(QueueClient queue) : IOutbox
{
    private int _created;

    public async Task EnqueueAsync(OutboundMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await queue.SendMessageAsync(JsonSerializer.Serialize(message, StoredJson.Options), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
