using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Orchestrations.Deals.Contracts;

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
        await sender.HandleAsync(outbound, cancellation);
    }
}
