using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Dispatch of committed outbox rows to the queues, and the sweeper that finishes what a crash interrupted.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    // The service caps visibility at 7 days; a longer timer is re-enqueued when the first chunk lapses.
    private static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5);

    // Outbox rows this worker committed but could not finish (storage failure, cancellation, a local message let go
    // while the partition is still ours): retried by the sweeper without scanning.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string InstanceId, string RowKey), byte> _stranded = new();

    // When the sweeper next scans the whole table (UTC ticks): after each partition acquisition, and periodically.
    private long _fullSweepDueTicks = long.MaxValue;

    /// <summary>Sends one envelope to its queue, with the visibility delay its VisibleAt asks for (in chunks of under 7 days).</summary>
    private async Task SendEnvelopeAsync(QueueEnvelope envelope, CancellationToken cancellation)
    {
        QueueClient queue;
        int partition = -1;
        DateTime? visibleAt = null;
        if (envelope.Kind == QueueEnvelope.OrchestrationKind)
        {
            partition = PartitionHash.PartitionOf(envelope.Orchestration!.InstanceId, _control.Length);
            queue = _control[partition];
            visibleAt = envelope.Orchestration.VisibleAt;
        }
        else
        {
            queue = _activities;
        }

        string body = envelope.ToJson();
        if (CountUtf8(body) > PayloadStore.MaxInlineQueueBytes)
        {
            // Deterministic name: a re-dispatch of the same message rewrites the same blob.
            string blobName = PayloadStore.BlobName(envelope.InstanceId!, "message", envelope.DedupeId);
            await _payloads.UploadAsync(blobName, body, cancellation);
            body = new QueueEnvelope { Kind = envelope.Kind, DedupeId = envelope.DedupeId, Blob = blobName }.ToJson();
        }

        TimeSpan? delay = null;
        if (visibleAt is { } due)
        {
            TimeSpan remaining = DateTime.SpecifyKind(due, DateTimeKind.Utc) - Now.UtcDateTime;
            if (remaining >= TimeSpan.FromSeconds(1))
            {
                // Whole seconds, rounded down: the receiver holds an early message in memory until it is due.
                delay = TimeSpan.FromSeconds(Math.Floor(Math.Min(remaining.TotalSeconds, MaxVisibilityDelay.TotalSeconds)));
            }
        }

        await queue.SendMessageAsync(body, delay, TimeSpan.FromSeconds(-1), cancellation);
        if (envelope.Kind == QueueEnvelope.ActivityKind)
        {
            _activitySignal.Set();
        }
        else
        {
            NotifyPartition(partition, visibleAt);
        }
    }

    /// <summary>After a commit: sends the outbox's messages, refreshes the query index, deletes the outbox row.</summary>
    private async Task FinishOutboxAsync(
        string instanceId, string outboxRowKey, IReadOnlyList<QueueEnvelope> envelopes, InstanceState? indexState, CancellationToken cancellation)
    {
        string step = "send";
        try
        {
            await Task.WhenAll(envelopes.Select(e => SendEnvelopeAsync(e, cancellation)));
            step = "index";
            if (indexState is not null)
            {
                await _index.WriteAsync(await BuildIndexEntityAsync(indexState, cancellation)).WaitAsync(cancellation);
            }

            step = "delete outbox row";
            await _history.DeleteEntityAsync(PartitionKeyOf(instanceId), outboxRowKey, ETag.All, cancellation);
        }
        catch (Exception e) when (IsStorageFailure(e) || e is OperationCanceledException)
        {
            // The commit stands; the outbox row stays and the sweeper sends it again (receivers de-duplicate).
            _log.PostCommitFailed(e, step, instanceId);
            Strand(instanceId, outboxRowKey);
        }
    }

    /// <summary>Remembers an outbox row this worker could not finish, for the sweeper's next round.</summary>
    private void Strand(string instanceId, string outboxRowKey) => _stranded[(instanceId, outboxRowKey)] = 0;

    private void ScheduleFullSweep(DateTimeOffset due)
    {
        long ticks = due.UtcTicks;
        long current = Interlocked.Read(ref _fullSweepDueTicks);
        while (ticks < current)
        {
            long seen = Interlocked.CompareExchange(ref _fullSweepDueTicks, ticks, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Retries the rows this worker stranded; returns how many it sent.</summary>
    private async Task<int> RetryStrandedAsync(CancellationToken cancellation)
    {
        int sent = 0;
        foreach ((string instanceId, string rowKey) in _stranded.Keys.ToList())
        {
            _stranded.TryRemove((instanceId, rowKey), out _);
            if (_localOutbox.ContainsKey(LocalKey(instanceId, rowKey)))
            {
                continue; // handed out locally again meanwhile
            }

            NullableResponse<TableEntity> row;
            try
            {
                row = await _history.GetEntityIfExistsAsync<TableEntity>(PartitionKeyOf(instanceId), rowKey, cancellationToken: cancellation);
            }
            catch (Exception e) when (IsStorageFailure(e) || e is OperationCanceledException)
            {
                Strand(instanceId, rowKey); // still unfinished: next round
                throw;
            }

            if (row.HasValue)
            {
                await RedispatchOutboxRowAsync(instanceId, row.Value!, cancellation); // strands it again if it fails
                sent++;
            }
        }

        return sent;
    }

    private async Task SweepLoopAsync(CancellationToken cancellation)
    {
        await Task.Delay(_options.LeaseRenewInterval, _time, cancellation).ConfigureAwait(false);
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                // Rows this worker failed to finish are retried every round; the whole table (a scan in Azure
                // Storage, as outbox rows live in each instance's partition) only after acquiring a partition and
                // every OutboxFullSweepInterval, to find what dead or departed workers left.
                int swept = await RetryStrandedAsync(cancellation);
                if (Now.UtcTicks >= Interlocked.Read(ref _fullSweepDueTicks))
                {
                    Interlocked.Exchange(ref _fullSweepDueTicks, (Now + _options.OutboxFullSweepInterval).UtcTicks);
                    swept += await SweepOutboxAsync(ownedOnly: true, cancellation);
                }

                if (swept > 0)
                {
                    _log.OutboxSwept(swept, TaskHubName);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LoopFailed(e, "outbox sweeper", failing: false, cancellation);
            }

            try
            {
                await Task.Delay(_options.OutboxSweepInterval, _time, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Re-dispatches outbox rows older than <see cref="AzureStorageOptions.OutboxSweepAge"/>; returns how many.</summary>
    internal async Task<int> SweepOutboxAsync(bool ownedOnly, CancellationToken cancellation)
    {
        DateTimeOffset cutoff = Now - _options.OutboxSweepAge;
        // Only rows old enough to count as abandoned leave the service: in-flight ones (most) are filtered there.
        string filter = TableClient.CreateQueryFilter($"RowKey ge {OutboxRangeStart} and RowKey lt {OutboxRangeEnd} and Timestamp lt {cutoff}");
        int swept = 0;
        await foreach (TableEntity row in _history.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            string instanceId = row.GetString("InstanceId") ?? KeyEncoding.Decode(row.PartitionKey);
            if (row.Timestamp > cutoff || (ownedOnly && !_partitions[PartitionHash.PartitionOf(instanceId, _control.Length)].Owned)
                || _localOutbox.ContainsKey(row.PartitionKey + "|" + row.RowKey))
            {
                continue;
            }

            await RedispatchOutboxRowAsync(instanceId, row, cancellation);
            swept++;
        }

        return swept;
    }

    private async Task SweepOutboxOfInstanceAsync(string instanceId, CancellationToken cancellation)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKeyOf(instanceId)} and RowKey ge {OutboxRangeStart} and RowKey lt {OutboxRangeEnd}");
        await foreach (TableEntity row in _history.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            await RedispatchOutboxRowAsync(instanceId, row, cancellation);
        }
    }

    private async Task RedispatchOutboxRowAsync(string instanceId, TableEntity row, CancellationToken cancellation)
    {
        List<QueueEnvelope> envelopes;
        try
        {
            envelopes = await ReadOutboxRowAsync(row, cancellation);
        }
        catch (Exception e) when (StorageFaults.IsCorruptData(e))
        {
            // Bad data only: the row's own text, or the name of the blob it points to, is kept with the dead letter.
            string body = row.GetString("Messages") ?? $"MessagesBlob {row.GetString("MessagesBlob")}";
            await QuarantineAsync("CorruptOutbox", _names.HistoryTable, instanceId, $"outbox row {row.RowKey} is unreadable: {e.Message}",
                body, 0, cancellation);
            await _history.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellation);
            return;
        }
        catch (Exception e) when (StorageFaults.IsStorageFailure(e, cancellation))
        {
            // Storage could not be read this time (a 503, a time-out): the row stays for the next round.
            Strand(instanceId, row.RowKey);
            throw;
        }

        InstanceState? state = (await ReadInstanceRowOrNullIfCorruptAsync(instanceId, cancellation))?.State;
        await FinishOutboxAsync(instanceId, row.RowKey, envelopes, state, cancellation);
    }
}
