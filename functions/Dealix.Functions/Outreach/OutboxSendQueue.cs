using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Runtime.Hosting.Telemetry;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Outreach;

/// <summary>
/// The outbox sender: each message on <c>dealix-outbox</c> names one approved draft; <see cref="OutboxSender"/> sends it at
/// most once through its channel's provider (or records it as simulated while live sending is off, or puts it back
/// while the kill switch is on). A message that cannot be read fails and, after the queue's retries, goes to the
/// poison queue.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "STYLE.md names queue functions <Queue>Queue.")]
public static class OutboxSendQueue
{
    public const string Name = "OutboxSend";

    [Function(Name)]
    public static async Task RunAsync([QueueTrigger("dealix-outbox")] string message, OutboxSender sender, CancellationToken cancellation)
    {
        OutboundMessage outbound = JsonSerializer.Deserialize<OutboundMessage>(message, StoredJson.Options)
            ?? throw new JsonException("The outbox message is empty.");
        // Continue the trace of whoever queued the message (the deal's episode, itself continuing the webhook's trace),
        // linked to this invocation's own span; the provider request then carries that trace in its traceparent header.
        using Activity? span = ContinueTrace(message);
        await sender.HandleAsync(outbound, cancellation);
    }

    private static Activity? ContinueTrace(string message)
    {
        using JsonDocument document = JsonDocument.Parse(message);
        if (!document.RootElement.TryGetProperty(StorageQueueOutbox.TraceParentProperty, out JsonElement value)
            || value.ValueKind != JsonValueKind.String
            || !ActivityContext.TryParse(value.GetString(), null, out ActivityContext parent))
        {
            return null;
        }

        ActivityLink[] links = Activity.Current is { } invocation ? [new ActivityLink(invocation.Context)] : [];
        return FunctionsTelemetry.Source.StartActivity(Name + " deliver", ActivityKind.Consumer, parent, links: links);
    }
}
