using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>The outbox on an Azure Storage queue (<c>dealix-outbox</c>), base64-encoded as host.json's queue settings
/// expect. The one place to swap for a Service Bus queue.</summary>
public sealed class StorageQueueOutbox(QueueClient queue) : IOutbox
{
    /// <summary>The property of a queued message that holds the enqueuer's W3C <c>traceparent</c>.</summary>
    public const string TraceParentProperty = "traceparent";

    private int _created;

    public async Task EnqueueAsync(OutboundMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        // The W3C trace context of the enqueuer rides along, so the provider call continues the trace of the webhook
        // (or approval) that led to it; readers of the message ignore the extra property.
        JsonObject json = JsonSerializer.SerializeToNode(message, StoredJson.Options)!.AsObject();
        if (Activity.Current?.Id is { } traceParent)
        {
            json[TraceParentProperty] = traceParent;
        }

        await queue.SendMessageAsync(json.ToJsonString(StoredJson.Options), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
