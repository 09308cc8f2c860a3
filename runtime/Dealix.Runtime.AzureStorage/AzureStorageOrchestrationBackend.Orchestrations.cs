using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>The orchestration side: control-queue polling, per-instance buffers, locking and the atomic episode commit.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private readonly PartitionState[] _partitions;
    private readonly Dictionary<string, InstanceBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly Channel<InstanceBuffer> _ready = Channel.CreateUnbounded<InstanceBuffer>();
    private readonly InstanceCache _cache;

    // A message to an instance that does not exist (yet) is delivered this often, this far apart, before it is dropped.
    private int UnknownInstanceDeliveries => Math.Min(3, _options.MaxDequeueCount);

    private static readonly TimeSpan UnknownInstanceRetryDelay = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public async Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellation)
    {
        EnsureOrchestrationSideStarted();
        while (true)
        {
            InstanceBuffer buffer;
            try
            {
                buffer = await _ready.Reader.ReadAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            List<HeldMessage> taken;
            lock (_buffers)
            {
                buffer.Queued = false;
                if (buffer.Locked || buffer.Pending.Count == 0)
                {
                    continue;
                }

                buffer.Locked = true;
                taken = buffer.Pending;
                buffer.Pending = [];
            }

            if (!_partitions[buffer.Partition].Owned)
            {
                try
                {
                    await ReleaseManyQuietlyAsync(taken, TimeSpan.Zero);
                }
                finally
                {
                    Unlock(buffer, requeue: false);
                }

                continue;
            }

            try
            {
                (OrchestrationWorkItem? item, bool requeue) = await BuildWorkItemAsync(buffer, taken, cancellation);
                if (item is not null)
                {
                    return item;
                }

                Unlock(buffer, requeue);
            }
            catch (Exception e)
            {
                // Whatever failed, the buffer is unlocked and its messages handed back: an instance is never left
                // locked with nobody working on it. A storage failure (or a time-out) is retried here; anything else
                // goes to the dispatcher, which logs it and backs off.
                bool shutdown = cancellation.IsCancellationRequested;
                try
                {
                    await ReleaseManyQuietlyAsync(taken, shutdown ? TimeSpan.Zero : TimeSpan.FromSeconds(1));
                }
                finally
                {
                    Unlock(buffer, requeue: true);
                }
                if (shutdown)
                {
                    return null;
                }

                if (!StorageFaults.IsStorageFailure(e, cancellation))
                {
                    throw;
                }

                _log.StorageLoopFailed(e, "orchestration lock", TaskHubName);
            }
        }
    }

    /// <inheritdoc />
    public async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        LockedInstance locked = TakeLock(workItem);
        string instanceId = workItem.InstanceId;
        InstanceState state = commit.State;
        InstanceRow? row = locked.Row;
        bool newExecution = commit.ReplaceHistory || row is null || row.ExecutionId != state.ExecutionId;
        int startIndex = newExecution ? 0 : row!.HistoryRows;
        // Timers this instance sets for itself (due within the local horizon) wait in this worker's memory, each held
        // durably by its own outbox row; everything else leaves through the queues.
        List<OrchestrationMessage> selfTimers = [.. commit.OrchestratorMessages
            .Where(m => m.InstanceId == instanceId && m.Event is TimerFiredEvent && IsLocalTarget(m)).Take(MaxLocalTimersPerCommit)];
        List<QueueEnvelope> envelopes =
        [
            .. commit.ActivityMessages.Select(QueueEnvelope.For),
            .. commit.OrchestratorMessages.Where(m => !selfTimers.Contains(m)).Select(m => QueueEnvelope.For(m)),
        ];

        // The query index changes only when what a query shows changes; the outbox row exists only when it has work.
        bool indexChanged = row is null || row.ExecutionId != state.ExecutionId || row.State.Status != state.Status
            || row.State.CustomStatus != state.CustomStatus || row.State.Output != state.Output || row.State.Name != state.Name;
        TableEntity? outboxRow = null;
        List<TableTransactionAction> consumeLocal = [];
        List<(QueueEnvelope Envelope, string RowKey)> timerRows = [];
        ETag? newETag;
        List<string> processedIds;
        int historyRowCount;
        try
        {
            List<TableEntity> historyRows = await BuildHistoryRowsAsync(instanceId, state.ExecutionId, startIndex, commit.NewHistory, cancellation);
            // A message the episode hands back to its own instance (deferred) is not consumed: its id must stay usable.
            var deferred = commit.OrchestratorMessages.Where(m => m.InstanceId == instanceId).Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
            processedIds = [.. (row?.Processed ?? [])
                .Concat(locked.Messages.Select(h => h.Envelope.DedupeId).Where(id => !deferred.Contains(id)))
                .TakeLast(_options.DeduplicationWindow)];
            historyRowCount = startIndex + historyRows.Count;
            TableEntity instanceRow = await BuildInstanceEntityAsync(state, historyRowCount, processedIds, cancellation);

            // Local messages are consumed by deleting the outbox rows that hold them, in the same transaction when the
            // batch has room (otherwise right after it: they are in Processed by then, so a re-send is dropped).
            // Local timers take what room is left; the rest join the queued envelopes.
            consumeLocal = [.. ConsumeLocalActions(instanceId, locked.Messages)];
            int room = MaxBatchActions - 2 - historyRows.Count;
            if (consumeLocal.Count > room)
            {
                consumeLocal = [];
            }

            room -= consumeLocal.Count;
            var timerEntities = new List<TableEntity>();
            foreach (OrchestrationMessage timer in selfTimers)
            {
                QueueEnvelope envelope = QueueEnvelope.For(timer);
                if (timerEntities.Count >= room)
                {
                    envelopes.Add(envelope);
                    continue;
                }

                TableEntity timerRow = await BuildOutboxRowAsync(instanceId, Guid.NewGuid().ToString("N"), [envelope], cancellation);
                timerEntities.Add(timerRow);
                timerRows.Add((envelope, timerRow.RowKey));
            }

            if (envelopes.Count > 0 || indexChanged)
            {
                outboxRow = await BuildOutboxRowAsync(instanceId, Guid.NewGuid().ToString("N"), envelopes, cancellation);
            }

            var actions = new List<TableTransactionAction>(historyRows.Count + 2 + consumeLocal.Count + timerEntities.Count)
            {
                row is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, instanceRow)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, instanceRow, row.ETag),
            };
            actions.AddRange(historyRows.Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, h)));
            if (outboxRow is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, outboxRow));
            }

            actions.AddRange(consumeLocal);
            actions.AddRange(timerEntities.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, t)));
            Response<IReadOnlyList<Response>> response = await _history.SubmitTransactionAsync(actions, cancellation);
            newETag = response.Value.Count > 0 ? response.Value[0].Headers.ETag : null;
        }
        catch (Exception e)
        {
            // Nothing of the episode is stored (the transaction is all or nothing); its messages are delivered again.
            _cache.Remove(instanceId);
            try
            {
                await ReleaseManyQuietlyAsync(locked.Messages, TimeSpan.Zero);
            }
            finally
            {
                Unlock(locked.Buffer, requeue: true);
            }

            if (e is TableTransactionFailedException { Status: 404 or 409 or 412 })
            {
                throw new WorkItemLostException(
                    $"Instance '{instanceId}' changed since its work item was locked (another worker committed first); the episode was discarded.", e);
            }

            throw;
        }

        List<HistoryEvent> history = newExecution ? [.. commit.NewHistory] : [.. locked.History, .. commit.NewHistory];
        if (newETag is { } etag)
        {
            _cache.Set(instanceId, new InstanceRow
            {
                State = state,
                ExecutionId = state.ExecutionId,
                HistoryRows = historyRowCount,
                Processed = processedIds,
                ETag = etag,
            }, history);
        }
        else
        {
            _cache.Remove(instanceId);
        }

        foreach (HeldMessage held in locked.Messages.Where(h => h.IsLocal && consumeLocal.Exists(a => a.Entity.RowKey == h.LocalOutboxRowKey)))
        {
            ForgetLocal(held); // its row went with the commit
        }

        Task deletes = DeleteManyQuietlyAsync(locked.Messages);
        try
        {
            foreach ((QueueEnvelope envelope, string rowKey) in timerRows)
            {
                if (!TryDeliverLocally(envelope, rowKey))
                {
                    await FinishOutboxAsync(instanceId, rowKey, [envelope], indexState: null, cancellation);
                }
            }
        }
        finally
        {
            Unlock(locked.Buffer, requeue: true); // the commit stands: the instance takes its next work whatever happens here
        }

        NotifyChanged(instanceId);
        if (outboxRow is not null)
        {
            await FinishOutboxAsync(instanceId, outboxRow.RowKey, envelopes, indexChanged ? state : null, cancellation);
        }

        await deletes;
        if (newExecution && row is not null && row.ExecutionId != state.ExecutionId)
        {
            await DeleteExecutionRowsAsync(instanceId, row.ExecutionId, cancellation);
        }
    }

    /// <inheritdoc />
    public async Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        LockedInstance locked = TakeLock(workItem);

        // Back to the queue after a pause: each delivery counts, so an episode that always fails ends in the dead-letter table.
        try
        {
            await ReleaseManyQuietlyAsync(locked.Messages, TimeSpan.FromSeconds(1));
        }
        finally
        {
            Unlock(locked.Buffer, requeue: true);
        }
    }

    private static LockedInstance TakeLock(OrchestrationWorkItem workItem)
    {
        if (workItem.BackendState is not LockedInstance locked)
        {
            throw new ArgumentException("The work item was not locked by this backend.", nameof(workItem));
        }

        if (Interlocked.Exchange(ref locked.Done, 1) == 1)
        {
            throw new InvalidOperationException($"The work item of instance '{workItem.InstanceId}' was already completed or abandoned.");
        }

        return locked;
    }

    private async Task<(OrchestrationWorkItem? Item, bool Requeue)> BuildWorkItemAsync(
        InstanceBuffer buffer, List<HeldMessage> taken, CancellationToken cancellation)
    {
        string instanceId = buffer.InstanceId;
        InstanceRow? row;
        bool cached = _cache.TryGet(instanceId, out InstanceRow cachedRow, out List<HistoryEvent> history);
        try
        {
            row = cached ? cachedRow : await ReadInstanceRowAsync(instanceId, cancellation);
        }
        catch (HistoryCorruptException e)
        {
            await QuarantineInstanceAsync(instanceId, null, e, taken, cancellation);
            return (null, true);
        }

        var processed = new HashSet<string>(row?.Processed ?? [], StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<HeldMessage>(taken.Count);
        var stale = new List<HeldMessage>();
        foreach (HeldMessage held in taken.OrderBy(h => h.Envelope.Orchestration!.Event is ExecutionStartedEvent ? 0 : 1))
        {
            (processed.Contains(held.Envelope.DedupeId) || !seen.Add(held.Envelope.DedupeId) ? stale : fresh).Add(held);
        }

        if (stale.Count > 0)
        {
            await DeleteManyQuietlyAsync(stale);
        }

        if (fresh.Count == 0)
        {
            return (null, true);
        }

        bool hasStart = fresh.Exists(h => h.Envelope.Orchestration!.Event is ExecutionStartedEvent);
        if (row is null && !hasStart)
        {
            // No such instance, or not yet: a message can overtake the start of its instance (an episode's outbox
            // messages are sent concurrently, so a parent's event to a child it starts in the same episode may arrive
            // first). It gets a few more deliveries, a pause apart, before it is dropped as addressed to nobody.
            List<HeldMessage> early = fresh.Where(h => h.DequeueCount < UnknownInstanceDeliveries).ToList();
            List<HeldMessage> late = fresh.Where(h => h.DequeueCount >= UnknownInstanceDeliveries).ToList();
            foreach (HeldMessage held in late)
            {
                _log.DroppedForUnknownInstance(held.Envelope.DedupeId, instanceId);
            }

            await Task.WhenAll(DeleteManyQuietlyAsync(late), ReleaseManyQuietlyAsync(early, UnknownInstanceRetryDelay));
            return (null, true);
        }

        if (row is not null && row.HistoryRows == 0 && !hasStart && !IsEnded(row.State.Status)
            && !fresh.Exists(h => h.Envelope.Orchestration!.Event is ExecutionTerminatedEvent))
        {
            if (cached)
            {
                // Only storage can say the start has not been consumed yet (by another worker, say): read it.
                _cache.Remove(instanceId);
                return await BuildWorkItemAsync(buffer, fresh, cancellation);
            }

            // The execution's start message is still on its way (a delayed start, or just after continue-as-new):
            // its events wait here, held and renewed, instead of cycling through the queue until it arrives.
            lock (_buffers)
            {
                buffer.Pending.InsertRange(0, fresh);
            }

            _ = RecheckParkedLaterAsync(buffer);
            return (null, false);
        }

        if (row is not null && !cached)
        {
            try
            {
                history = await ReadHistoryAsync(instanceId, row, cancellation);
            }
            catch (HistoryCorruptException e)
            {
                await QuarantineInstanceAsync(instanceId, row, e, fresh, cancellation);
                return (null, true);
            }
        }
        else if (row is null)
        {
            history = [];
        }

        var locked = new LockedInstance(buffer, fresh, row, history);
        var workItem = new OrchestrationWorkItem(instanceId, row?.State, history, fresh.Select(h => h.Envelope.Orchestration!).ToList())
        {
            BackendState = locked,
        };
        return (workItem, true);
    }

    private void AddToBuffer(HeldMessage held) => AddToBuffer([held]);

    /// <summary>Adds messages to their instances' buffers under one lock, so no locker sees part of them.</summary>
    private void AddToBuffer(List<HeldMessage> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        lock (_buffers)
        {
            foreach (HeldMessage held in messages)
            {
                string instanceId = held.Envelope.Orchestration!.InstanceId;
                if (!_buffers.TryGetValue(instanceId, out InstanceBuffer? buffer))
                {
                    buffer = new InstanceBuffer(instanceId, held.Partition);
                    _buffers[instanceId] = buffer;
                }

                buffer.Pending.Add(held);
                if (!buffer.Locked && !buffer.Queued)
                {
                    buffer.Queued = true;
                    _ready.Writer.TryWrite(buffer);
                }
            }
        }
    }

    private void Unlock(InstanceBuffer buffer, bool requeue)
    {
        lock (_buffers)
        {
            buffer.Locked = false;
            if (buffer.Pending.Count == 0)
            {
                if (_buffers.TryGetValue(buffer.InstanceId, out InstanceBuffer? current) && current == buffer)
                {
                    _buffers.Remove(buffer.InstanceId);
                }
            }
            else if (requeue && !buffer.Queued)
            {
                buffer.Queued = true;
                _ready.Writer.TryWrite(buffer);
            }
        }
    }

    /// <summary>Wakes the partition's poller: now for an immediate message, at its due time for a delayed one.</summary>
    private void NotifyPartition(int partition, DateTime? visibleAt)
    {
        PartitionState state = _partitions[partition];
        if (!state.Owned)
        {
            return;
        }

        if (visibleAt is { } due && due > Now.UtcDateTime)
        {
            state.AddDue(new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)));
        }

        state.Signal.Set();
    }

    private async Task ControlPollLoopAsync(PartitionState partition, CancellationToken cancellation)
    {
        TimeSpan backoff = _options.MinQueuePollingInterval;
        bool failing = false;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                if (Volatile.Read(ref partition.Buffered) < _options.MaxBufferedMessagesPerPartition)
                {
                    QueueMessage[] messages = (await _control[partition.Index].ReceiveMessagesAsync(
                        32, _options.MessageLockTimeout, cancellation)).Value;
                    failing = false;
                    if (messages.Length > 0)
                    {
                        backoff = _options.MinQueuePollingInterval;
                        var ready = new List<HeldMessage>(messages.Length);
                        try
                        {
                            foreach (QueueMessage message in messages)
                            {
                                if (await AcceptControlMessageAsync(partition, message, cancellation) is { } held)
                                {
                                    ready.Add(held);
                                }
                            }
                        }
                        finally
                        {
                            // One batch joins the buffers at once: messages received together (a start and the
                            // terminate sent before it fell due) are handed out in the same work item.
                            AddToBuffer(ready);
                        }

                        continue;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failing = LoopFailed(e, $"control queue {partition.Index} poller", failing, cancellation);
                backoff = _options.MaxQueuePollingInterval;
            }

            TimeSpan wait = backoff;
            if (partition.NextDue(Now) is { } due && due - Now < wait)
            {
                wait = due - Now;
            }

            bool signalled;
            try
            {
                signalled = await partition.Signal.WaitAsync(wait, _time, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = signalled ? _options.MinQueuePollingInterval : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxQueuePollingInterval.Ticks));
        }
    }

    /// <summary>Accepts a received control message; returns it when it is due now (to join its buffer), else null.</summary>
    private async Task<HeldMessage?> AcceptControlMessageAsync(PartitionState partition, QueueMessage message, CancellationToken cancellation)
    {
        HeldMessage? held = await AcceptAsync(message, partition.Index, QueueEnvelope.OrchestrationKind, cancellation);
        if (held is null)
        {
            return null;
        }

        if (held.Envelope.Orchestration!.VisibleAt is { } visibleAt)
        {
            TimeSpan remaining = DateTime.SpecifyKind(visibleAt, DateTimeKind.Utc) - Now.UtcDateTime;
            if (remaining > TimeSpan.Zero)
            {
                if (remaining <= _options.MessageLockTimeout / 2)
                {
                    // Received a little early (visibility is in whole seconds): hold it and deliver it exactly when due.
                    _ = DeliverWhenDueAsync(held, DateTime.SpecifyKind(visibleAt, DateTimeKind.Utc), cancellation);
                }
                else
                {
                    // A chunk of a long timer lapsed: enqueue it again for the rest, then drop this copy.
                    await SendEnvelopeAsync(held.Envelope, cancellation);
                    await DeleteHeldAsync(held, cancellation);
                }

                return null;
            }
        }

        return held;
    }

    private async Task DeliverWhenDueAsync(HeldMessage held, DateTime visibleAt, CancellationToken cancellation)
    {
        try
        {
            // Timers may fire a hair early; never deliver before VisibleAt.
            for (TimeSpan remaining = visibleAt - Now.UtcDateTime; remaining > TimeSpan.Zero; remaining = visibleAt - Now.UtcDateTime)
            {
                await Task.Delay(remaining + TimeSpan.FromMilliseconds(1), _time, cancellation);
            }

            AddToBuffer(held);
        }
        catch (OperationCanceledException)
        {
            // Shutting down or the partition moved: hand it back, visible when due, for whoever owns the partition.
            await ReleaseUntilDueQuietlyAsync(held, visibleAt);
        }
    }

    private async Task QuarantineInstanceAsync(
        string instanceId, InstanceRow? row, HistoryCorruptException error, List<HeldMessage> messages, CancellationToken cancellation)
    {
        if (row?.State.FailureDetails?.ErrorType == CorruptHistoryErrorType)
        {
            await DeleteManyQuietlyAsync(messages); // quarantined before; its messages have nowhere to go
            return;
        }

        string dl = await QuarantineAsync("CorruptHistory", _names.HistoryTable, instanceId,
            $"{error.Message} (row {error.RowKey})", error.RawContent, 0, cancellation);
        if (row is not null && !await FailInstanceAsync(instanceId, row.ExecutionId,
                new TaskFailureDetails(CorruptHistoryErrorType,
                    $"The stored history of this instance is unreadable ({error.Message}); it was quarantined as dead letter {dl}.", null, null, null),
                cancellation, log: false))
        {
            await ReleaseManyQuietlyAsync(messages, TimeSpan.FromSeconds(1)); // not failed yet (logged): they come back to try again
            return;
        }

        await DeleteManyQuietlyAsync(messages);
    }

    private sealed class InstanceBuffer(string instanceId, int partition)
    {
        public string InstanceId { get; } = instanceId;

        public int Partition { get; } = partition;

        public List<HeldMessage> Pending { get; set; } = [];

        public bool Locked { get; set; }

        public bool Queued { get; set; }
    }

    private sealed class LockedInstance(InstanceBuffer buffer, List<HeldMessage> messages, InstanceRow? row, List<HistoryEvent> history)
    {
        public int Done;

        public InstanceBuffer Buffer { get; } = buffer;

        public List<HeldMessage> Messages { get; } = messages;

        public InstanceRow? Row { get; } = row;

        public List<HistoryEvent> History { get; } = history;
    }

    private sealed class PartitionState(int index)
    {
        public int Buffered;

        private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _dues = new();

        public int Index { get; } = index;

        public volatile bool Owned;

        public AsyncSignal Signal { get; } = new();

        public CancellationTokenSource? Cancellation { get; set; }

        public Task? Loop { get; set; }

        public ETag LeaseETag { get; set; }

        public void AddDue(DateTimeOffset due)
        {
            lock (_dues)
            {
                _dues.Enqueue(due, due);
            }
        }

        public DateTimeOffset? NextDue(DateTimeOffset now)
        {
            lock (_dues)
            {
                while (_dues.TryPeek(out DateTimeOffset due, out _) && due <= now)
                {
                    _dues.Dequeue();
                }

                return _dues.TryPeek(out DateTimeOffset next, out _) ? next : null;
            }
        }
    }
}
