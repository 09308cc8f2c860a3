using Azure;
using Azure.Storage.Queues.Models;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Held queue messages: acceptance checks, visibility renewal, deletion and release.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HeldMessage> _heldById = new(StringComparer.Ordinal);

    /// <summary>Queue messages this worker holds (received and not yet consumed or released), for diagnostics and tests.</summary>
    internal int HeldMessageCount => _held.Count;

    /// <summary>
    /// Parses a received message and applies the checks every receiver makes: foreign or unreadable bodies and messages
    /// delivered too often go to the dead-letter table; a message this worker already holds only refreshes its receipt.
    /// Returns the held message, or null when it was handled here.
    /// </summary>
    private async Task<HeldMessage?> AcceptAsync(QueueMessage message, int partition, string expectedKind, CancellationToken cancellation)
    {
        Azure.Storage.Queues.QueueClient queue = partition >= 0 ? _control[partition] : _activities;
        string text = message.Body?.ToString() ?? string.Empty;
        QueueEnvelope envelope;
        try
        {
            envelope = QueueEnvelope.Parse(text);
            if (envelope.Blob is not null)
            {
                envelope = QueueEnvelope.Parse(await _payloads.DownloadAsync(envelope.Blob, cancellation));
            }

            if (envelope.Kind != expectedKind)
            {
                throw new FormatException($"a message of kind '{envelope.Kind}' does not belong in queue {queue.Name}");
            }
        }
        catch (Exception e) when (e is FormatException || StorageFaults.IsCorruptData(e))
        {
            string? instanceId = QueueEnvelope.TryReadInstanceId(text);
            string kind = instanceId is null ? "ForeignMessage" : "UnreadableMessage";
            await DeadLetterMessageAsync(queue, message, kind, instanceId, null, e.Message, text,
                dl => new TaskFailureDetails("UnreadableMessage", $"A message to this instance could not be read and was dead-lettered as {dl}: {e.Message}", null, null, null),
                cancellation);
            return null;
        }

        DateTimeOffset visibleUntil = Now + _options.MessageLockTimeout;
        if (_heldById.TryGetValue(message.MessageId, out HeldMessage? already))
        {
            // Our own message came back (its visibility lapsed while held): keep the newest receipt.
            await already.Gate.WaitAsync(cancellation);
            try
            {
                already.PopReceipt = message.PopReceipt;
                already.VisibleUntil = visibleUntil;
            }
            finally
            {
                already.Gate.Release();
            }

            return null;
        }

        if (message.DequeueCount > _options.MaxDequeueCount)
        {
            string what = envelope.Activity is { } activity
                ? $"activity '{activity.Name}' (task {activity.TaskId}, attempt {activity.Attempt})"
                : envelope.Orchestration!.Event switch
                {
                    ExecutionStartedEvent started => $"start message of orchestration '{started.Name}'",
                    EventRaisedEvent raised => $"event '{raised.Name}'",
                    HistoryEvent other => $"message {other.GetType().Name.Replace("Event", string.Empty, StringComparison.Ordinal)}",
                };
            string reason = $"{what} was delivered {message.DequeueCount} times without completing (limit {_options.MaxDequeueCount})";
            await DeadLetterMessageAsync(queue, message, "PoisonMessage", envelope.InstanceId, envelope.Activity?.ExecutionId, reason, text,
                dl => new TaskFailureDetails("PoisonMessage", $"The {reason}; it was moved to dead letter {dl}.", null, null, null), cancellation);
            return null;
        }

        var held = new HeldMessage(queue, partition, message.MessageId, message.PopReceipt, message.DequeueCount, envelope, visibleUntil);
        _held[held] = 0;
        _heldById[message.MessageId] = held;
        if (partition >= 0)
        {
            Interlocked.Increment(ref _partitions[partition].Buffered);
        }

        return held;
    }

    private async Task DeleteHeldAsync(HeldMessage held, CancellationToken cancellation)
    {
        if (held.IsLocal)
        {
            // No queue copy: the outbox row holding it is the message. (A commit that consumed it deleted the row
            // already and marked it finished.)
            if (!held.Finished)
            {
                ForgetLocal(held);
                await DeleteEntityQuietlyAsync(PartitionKeyOf(held.Envelope.Orchestration!.InstanceId), held.LocalOutboxRowKey!, cancellation);
            }

            return;
        }

        await held.Gate.WaitAsync(cancellation);
        try
        {
            if (held.Finished)
            {
                return;
            }

            await DeleteQuietlyAsync(held.Queue, held.QueueMessageId, held.PopReceipt, cancellation);
        }
        finally
        {
            // Even when the delete failed (storage unreachable) the message is no longer ours to renew: it reappears
            // when its visibility lapses and is then recognised by id and dropped.
            Forget(held);
            held.Gate.Release();
        }
    }

    /// <summary>Makes a held message visible again after <paramref name="delay"/> (it is delivered again, its count grows).</summary>
    private async Task ReleaseAsync(HeldMessage held, TimeSpan delay, CancellationToken cancellation)
    {
        if (held.IsLocal)
        {
            ReleaseLocal(held, delay);
            return;
        }

        await held.Gate.WaitAsync(cancellation);
        try
        {
            if (held.Finished)
            {
                return;
            }

            try
            {
                await held.Queue.UpdateMessageAsync(held.QueueMessageId, held.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellation);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 400)
            {
                // Already gone or received by someone else: nothing to hand back.
            }
        }
        finally
        {
            // Even when the update failed, stop renewing it: its visibility lapses and it is delivered again.
            Forget(held);
            held.Gate.Release();
        }
    }

    private async Task ReleaseManyQuietlyAsync(IEnumerable<HeldMessage> messages, TimeSpan delay)
    {
        try
        {
            await Task.WhenAll(messages.Select(h => ReleaseAsync(h, delay, CancellationToken.None)));
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            // Their visibility lapses on its own; they are delivered again then.
        }
    }

    /// <summary>
    /// Hands back a message held in memory until its due time (its partition moved or the worker is stopping): it
    /// becomes visible again at <paramref name="visibleAt"/> (whole seconds, rounded up), so the partition's next owner
    /// receives it then, instead of staying invisible (renewed by a worker that no longer polls its partition) and
    /// counting against the partition's buffer for good.
    /// </summary>
    private async Task ReleaseUntilDueQuietlyAsync(HeldMessage held, DateTime visibleAt)
    {
        TimeSpan remaining = visibleAt - Now.UtcDateTime;
        TimeSpan delay = remaining > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(remaining.TotalSeconds)) : TimeSpan.Zero;
        try
        {
            await ReleaseAsync(held, delay, CancellationToken.None);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            // Not renewed any more (released or not): its visibility lapses and it is delivered again.
            _log.StorageLoopFailed(e, "release of a held message", TaskHubName);
        }
    }

    private async Task DeleteManyQuietlyAsync(IEnumerable<HeldMessage> messages)
    {
        try
        {
            await Task.WhenAll(messages.Select(h => DeleteHeldAsync(h, CancellationToken.None)));
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            // Consumed messages that survive are recognised by id on redelivery and dropped.
        }
    }

    private void Forget(HeldMessage held)
    {
        if (held.IsLocal)
        {
            ForgetLocal(held);
            return;
        }

        if (held.Finished)
        {
            return;
        }

        held.Finished = true;
        _held.TryRemove(held, out _);
        _heldById.TryRemove(new KeyValuePair<string, HeldMessage>(held.QueueMessageId, held));
        if (held.Partition >= 0)
        {
            Interlocked.Decrement(ref _partitions[held.Partition].Buffered);
            _partitions[held.Partition].Signal.Set();
        }
    }

    private static async Task DeleteQuietlyAsync(Azure.Storage.Queues.QueueClient queue, string messageId, string popReceipt, CancellationToken cancellation)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellation);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // Deleted already, or received again by someone else whose receipt now rules: they de-duplicate it.
        }
    }

    /// <summary>Keeps held messages invisible while their work runs, so a slow episode or activity is not handed out twice.</summary>
    private async Task RenewalLoopAsync(CancellationToken cancellation)
    {
        TimeSpan lockTimeout = _options.MessageLockTimeout;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lockTimeout / 4, _time, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            DateTimeOffset threshold = Now + (lockTimeout / 2);
            List<HeldMessage> due = _held.Keys.Where(h => !h.Finished && h.VisibleUntil < threshold).ToList();
            try
            {
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellation },
                    async (held, token) => await RenewAsync(held, lockTimeout, token));
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LoopFailed(e, "message renewal", failing: false, cancellation);
            }
        }
    }

    private async Task RenewAsync(HeldMessage held, TimeSpan lockTimeout, CancellationToken cancellation)
    {
        await held.Gate.WaitAsync(cancellation);
        try
        {
            if (held.Finished)
            {
                return;
            }

            Response<UpdateReceipt> receipt = await held.Queue.UpdateMessageAsync(
                held.QueueMessageId, held.PopReceipt, visibilityTimeout: lockTimeout, cancellationToken: cancellation);
            held.PopReceipt = receipt.Value.PopReceipt;
            held.VisibleUntil = Now + lockTimeout;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            Forget(held); // someone else received it after our visibility lapsed; theirs now
        }
        catch (Exception e) when (StorageFaults.IsStorageFailure(e, cancellation))
        {
            _log.StorageLoopFailed(e, "message renewal", TaskHubName);
        }
        finally
        {
            held.Gate.Release();
        }
    }
}
