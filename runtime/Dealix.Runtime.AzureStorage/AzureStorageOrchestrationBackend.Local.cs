using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// Local delivery: when a client shares this backend with a worker that owns the target's control partition, a start
/// message goes from its committed outbox row straight into the worker's buffer instead of out through the queue and
/// back. The outbox row stays the durable copy until the episode that consumes the message deletes it in its own
/// transaction; should this worker die or lose the partition first, the sweeper sends the row through the queue.
/// </summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    // A local message handed out this often (its episodes were abandoned or failed) goes the queue's way instead,
    // where delivery counts lead to the dead-letter table.
    private const int MaxLocalAttempts = 3;

    // Outbox rows whose message is held locally here ("{pk}|{rowKey}"); the sweeper leaves them alone.
    private readonly ConcurrentDictionary<string, byte> _localOutbox = new(StringComparer.Ordinal);

    private static string LocalKey(string instanceId, string outboxRowKey) => PartitionKeyOf(instanceId) + "|" + outboxRowKey;

    // Timers further out than this go through the queue (with its visibility delay) rather than waiting in memory.
    private static readonly TimeSpan LocalTimerHorizon = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether a message would go to a control partition this worker owns, due now or (for a timer) within
    /// <see cref="LocalTimerHorizon"/>, so that it can skip the queue.
    /// </summary>
    private bool IsLocalTarget(OrchestrationMessage message) =>
        _orchestrationSideStarted && _disposed == 0 && !_shutdown.IsCancellationRequested
        && _partitions[PartitionHash.PartitionOf(message.InstanceId, _control.Length)].Owned
        && (message.VisibleAt is not { } due || DateTime.SpecifyKind(due, DateTimeKind.Utc) <= Now.UtcDateTime + LocalTimerHorizon);

    /// <summary>Writes an instance's query-index row; a failure is logged and left to the next write (the index is a copy).</summary>
    private async Task WriteIndexQuietlyAsync(InstanceState state, CancellationToken cancellation)
    {
        try
        {
            await _index.WriteAsync(await BuildIndexEntityAsync(state, cancellation)).WaitAsync(cancellation);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            _log.PostCommitFailed(e, "index", state.InstanceId);
        }
    }

    /// <summary>
    /// Hands a committed outbox row's single message to this worker's buffer (at its due time, for a timer) when it
    /// owns the target's partition. Returns false (the caller dispatches the row through the queue) otherwise.
    /// </summary>
    private bool TryDeliverLocally(QueueEnvelope envelope, string outboxRowKey, int attempt = 0)
    {
        string instanceId = envelope.Orchestration!.InstanceId;
        int partition = PartitionHash.PartitionOf(instanceId, _control.Length);
        if (!IsLocalTarget(envelope.Orchestration))
        {
            return false;
        }

        _localOutbox[LocalKey(instanceId, outboxRowKey)] = 0;
        var held = new HeldMessage(_control[partition], partition, "local:" + outboxRowKey, string.Empty, attempt + 1, envelope, DateTimeOffset.MaxValue)
        {
            LocalOutboxRowKey = outboxRowKey,
            LocalAttempts = attempt,
        };
        if (envelope.Orchestration.VisibleAt is { } due && DateTime.SpecifyKind(due, DateTimeKind.Utc) > Now.UtcDateTime)
        {
            _ = DeliverLocalWhenDueAsync(held, DateTime.SpecifyKind(due, DateTimeKind.Utc));
        }
        else
        {
            AddToBuffer(held);
        }

        return true;
    }

    /// <summary>A local timer waits in memory (its outbox row is the durable copy) and joins the buffer when due.</summary>
    private async Task DeliverLocalWhenDueAsync(HeldMessage held, DateTime due)
    {
        try
        {
            // Never deliver before the due time, whatever the timer's resolution.
            for (TimeSpan remaining = due - Now.UtcDateTime; remaining > TimeSpan.Zero; remaining = due - Now.UtcDateTime)
            {
                await Task.Delay(remaining + TimeSpan.FromMilliseconds(1), _time, _shutdown.Token);
            }

            if (_partitions[held.Partition].Owned)
            {
                AddToBuffer(held);
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Shutting down: the row stays and the next owner's sweeper sends it through the queue.
        }

        ForgetLocal(held);
    }

    /// <summary>
    /// Sends a message to an orchestration: to a partition this worker owns it is stored as a one-message outbox row in
    /// the instance's partition (one request, as a queue put would be) and handed to the worker directly; otherwise it
    /// goes to the control queue.
    /// </summary>
    private async Task SendOrDeliverLocallyAsync(QueueEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Orchestration is not { } message || !IsLocalTarget(message))
        {
            await SendEnvelopeAsync(envelope, cancellation);
            return;
        }

        TableEntity row = await BuildOutboxRowAsync(message.InstanceId, Guid.NewGuid().ToString("N"), [envelope], cancellation);
        await _history.AddEntityAsync(row, cancellation);
        if (!TryDeliverLocally(envelope, row.RowKey))
        {
            await FinishOutboxAsync(message.InstanceId, row.RowKey, [envelope], indexState: null, cancellation);
        }
    }

    /// <summary>A local message was consumed (its row deleted with the commit) or dropped: the sweeper may see its row again.</summary>
    private void ForgetLocal(HeldMessage held)
    {
        held.Finished = true;
        _localOutbox.TryRemove(LocalKey(held.Envelope.Orchestration!.InstanceId, held.LocalOutboxRowKey!), out _);
    }

    /// <summary>
    /// Lets go of a local message now and, in the background, hands it out again after <paramref name="delay"/> if its
    /// row still exists and this worker still owns the partition (otherwise the row, if any, is swept to the queue).
    /// </summary>
    private void ReleaseLocal(HeldMessage held, TimeSpan delay)
    {
        if (held.Finished)
        {
            return;
        }

        ForgetLocal(held);
        if (_shutdown.IsCancellationRequested || !_partitions[held.Partition].Owned)
        {
            return; // the next owner's sweep, after it acquires the partition, sends the row through the queue
        }

        if (held.LocalAttempts + 1 < MaxLocalAttempts)
        {
            _ = RedeliverLocalAsync(held, delay);
        }
        else
        {
            Strand(held.Envelope.Orchestration!.InstanceId, held.LocalOutboxRowKey!); // the queue's way from now on
        }
    }

    private async Task RedeliverLocalAsync(HeldMessage held, TimeSpan delay)
    {
        string instanceId = held.Envelope.Orchestration!.InstanceId;
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, _shutdown.Token);
            }

            // The episode may have failed because the sweeper (of this or a new owner) already sent the row on.
            NullableResponse<TableEntity> row = await _history.GetEntityIfExistsAsync<TableEntity>(
                PartitionKeyOf(instanceId), held.LocalOutboxRowKey!, select: ["RowKey"], cancellationToken: _shutdown.Token);
            if (row.HasValue)
            {
                TryDeliverLocally(held.Envelope, held.LocalOutboxRowKey!, held.LocalAttempts + 1);
            }
        }
        catch (Exception e) when (IsStorageFailure(e) || e is OperationCanceledException or ObjectDisposedException)
        {
            // The row stays; the sweeper sends it through the queue.
            Strand(instanceId, held.LocalOutboxRowKey!);
        }
    }

    private async Task DeleteEntityQuietlyAsync(string pk, string rowKey, CancellationToken cancellation)
    {
        try
        {
            await _history.DeleteEntityAsync(pk, rowKey, ETag.All, cancellation);
        }
        catch (Exception e) when (IsStorageFailure(e) || e is OperationCanceledException)
        {
            // Left for the sweeper: its message is in Processed, so re-sending it changes nothing.
        }
    }

    /// <summary>Deletes of the outbox rows holding an episode's local messages, to commit with it.</summary>
    private static IEnumerable<TableTransactionAction> ConsumeLocalActions(string instanceId, IEnumerable<HeldMessage> messages) =>
        messages.Where(h => h.IsLocal).Select(h => h.LocalOutboxRowKey!).Distinct(StringComparer.Ordinal)
            .Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(PartitionKeyOf(instanceId), rowKey), ETag.All));
}
