using Azure.Storage.Queues;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// A queue message this worker has received and not yet consumed or released. Its pop receipt changes on every
/// visibility renewal, so renewal, deletion and release take <see cref="Gate"/>.
/// A <em>local</em> message (<see cref="LocalOutboxRowKey"/> set) never went through a queue: a client sharing this
/// backend handed it to its own worker straight from the committed outbox row that holds it. Consuming it means
/// deleting that row (inside the episode's commit); if the worker dies first, the sweeper sends the row's message
/// through the queue like any other.
/// </summary>
internal sealed class HeldMessage(QueueClient queue, int partition, string queueMessageId, string popReceipt, long dequeueCount,
    QueueEnvelope envelope, DateTimeOffset visibleUntil)
{
    public QueueClient Queue { get; } = queue;

    /// <summary>Control partition, or -1 for the activity queue.</summary>
    public int Partition { get; } = partition;

    public string QueueMessageId { get; } = queueMessageId;

    public string PopReceipt { get; set; } = popReceipt;

    public long DequeueCount { get; } = dequeueCount;

    public QueueEnvelope Envelope { get; } = envelope;

    public DateTimeOffset VisibleUntil { get; set; } = visibleUntil;

    /// <summary>Set once the message is deleted or released; later renewals skip it.</summary>
    public bool Finished { get; set; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>For a local message, the outbox row (in the instance's partition) that holds it durably.</summary>
    public string? LocalOutboxRowKey { get; init; }

    public bool IsLocal => LocalOutboxRowKey is not null;

    /// <summary>How many times a local message was handed out again after an abandoned or failed episode.</summary>
    public int LocalAttempts { get; init; }
}
