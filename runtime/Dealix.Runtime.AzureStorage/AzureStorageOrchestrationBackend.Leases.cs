using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// Partition leases: workers announce themselves, each claims its fair share of control queues, renews them, takes
/// over leases that expired (a dead worker's) and gives back extras when workers join. Leases only spread the load;
/// correctness rests on the instance rows' ETags.
/// </summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private static readonly string LeasePartition = "partition";
    private static readonly string WorkerPartition = "worker";

    private async Task LeaseLoopAsync(CancellationToken cancellation)
    {
        bool failing = false;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await BalanceLeasesAsync(cancellation);
                failing = false;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failing = LoopFailed(e, "partition leases", failing, cancellation);
            }

            try
            {
                await Task.Delay(_options.LeaseRenewInterval, _time, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task BalanceLeasesAsync(CancellationToken cancellation)
    {
        DateTimeOffset now = Now;
        DateTimeOffset expires = now + _options.LeaseDuration;
        await _leases.UpsertEntityAsync(
            new TableEntity(WorkerPartition, _workerId) { ["ExpiresAt"] = expires }, TableUpdateMode.Replace, cancellation);

        var leases = new Dictionary<int, TableEntity>();
        int workers = 0;
        await foreach (TableEntity row in _leases.QueryAsync<TableEntity>(cancellationToken: cancellation))
        {
            if (row.PartitionKey == WorkerPartition)
            {
                if (row.GetDateTimeOffset("ExpiresAt") > now || row.RowKey == _workerId)
                {
                    workers++;
                }
            }
            else if (row.PartitionKey == LeasePartition && int.TryParse(row.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                && index < _partitions.Length)
            {
                leases[index] = row;
            }
        }

        for (int i = 0; i < _partitions.Length; i++)
        {
            if (!leases.ContainsKey(i))
            {
                var row = new TableEntity(LeasePartition, i.ToString("D2", CultureInfo.InvariantCulture))
                {
                    ["Owner"] = string.Empty,
                    ["ExpiresAt"] = DateTimeOffset.UnixEpoch,
                };
                try
                {
                    Response added = await _leases.AddEntityAsync(row, cancellation);
                    row.ETag = added.Headers.ETag ?? default;
                    leases[i] = row;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    leases[i] = (await _leases.GetEntityAsync<TableEntity>(LeasePartition, row.RowKey, cancellationToken: cancellation)).Value;
                }
            }
        }

        int fairShare = (_partitions.Length + Math.Max(1, workers) - 1) / Math.Max(1, workers);

        // Renew what we hold; notice what was taken from us.
        foreach ((int index, TableEntity row) in leases)
        {
            PartitionState partition = _partitions[index];
            bool ours = row.GetString("Owner") == _workerId;
            if (partition.Owned && !ours)
            {
                StopPartition(partition);
            }
            else if (ours)
            {
                row["ExpiresAt"] = expires;
                if (await TryWriteLeaseAsync(row, cancellation))
                {
                    StartPartition(partition);
                }
                else
                {
                    StopPartition(partition);
                }
            }
        }

        // Give back extras so a newcomer gets its share, then claim free or expired leases up to ours.
        int owned = _partitions.Count(p => p.Owned);
        foreach (PartitionState partition in _partitions.Where(p => p.Owned).Reverse().Take(Math.Max(0, owned - fairShare)).ToList())
        {
            TableEntity row = leases[partition.Index];
            row["Owner"] = string.Empty;
            row["ExpiresAt"] = DateTimeOffset.UnixEpoch;
            StopPartition(partition);
            await TryWriteLeaseAsync(row, cancellation);
        }

        owned = _partitions.Count(p => p.Owned);
        foreach ((int index, TableEntity row) in leases.OrderBy(l => l.Key))
        {
            if (owned >= fairShare)
            {
                break;
            }

            bool free = string.IsNullOrEmpty(row.GetString("Owner")) || row.GetDateTimeOffset("ExpiresAt") <= now;
            if (!free || _partitions[index].Owned)
            {
                continue;
            }

            row["Owner"] = _workerId;
            row["ExpiresAt"] = expires;
            if (await TryWriteLeaseAsync(row, cancellation))
            {
                StartPartition(_partitions[index]);
                owned++;
            }
        }
    }

    private async Task<bool> TryWriteLeaseAsync(TableEntity row, CancellationToken cancellation)
    {
        try
        {
            Response response = await _leases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellation);
            row.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // another worker wrote it first
        }
    }

    private void StartPartition(PartitionState partition)
    {
        lock (_startLock)
        {
            if (partition.Owned || _shutdown.IsCancellationRequested)
            {
                return;
            }

            // Whatever this worker cached about the partition's instances may be stale: another worker owned them.
            ForgetCachedInstancesOf(partition.Index);
            partition.Owned = true;
            partition.Cancellation = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
            CancellationToken token = partition.Cancellation.Token;
            partition.Loop = Task.Run(() => ControlPollLoopAsync(partition, token), CancellationToken.None);
            _loops.Add(partition.Loop);
        }

        // A predecessor may have left outbox rows behind: look once they are old enough to count as abandoned.
        ScheduleFullSweep(Now + _options.OutboxSweepAge);

        Log.PartitionAcquired(_log, _workerId, partition.Index, TaskHubName);
    }

    private void StopPartition(PartitionState partition)
    {
        List<HeldMessage> toRelease = [];
        lock (_startLock)
        {
            if (!partition.Owned)
            {
                return;
            }

            partition.Owned = false;
            partition.Cancellation?.Cancel();
            partition.Cancellation?.Dispose();
            partition.Cancellation = null;
        }

        // Messages held for their due time leave with the cancellation above (DeliverWhenDueAsync hands them back);
        // cached rows of the partition's instances go stale as soon as the next owner commits.
        ForgetCachedInstancesOf(partition.Index);

        lock (_buffers)
        {
            foreach (InstanceBuffer buffer in _buffers.Values.Where(b => b.Partition == partition.Index && !b.Locked).ToList())
            {
                toRelease.AddRange(buffer.Pending);
                buffer.Pending = [];
                _buffers.Remove(buffer.InstanceId);
            }
        }

        // Messages not yet in a work item go back to the queue for the new owner.
        _ = ReleaseManyQuietlyAsync(toRelease, TimeSpan.Zero);
        Log.PartitionReleased(_log, _workerId, partition.Index, TaskHubName);
    }

    private void ForgetCachedInstancesOf(int partition) =>
        _cache.RemoveWhere(instanceId => PartitionHash.PartitionOf(instanceId, _control.Length) == partition);

    /// <summary>
    /// Events parked for an instance whose start message has not arrived (see BuildWorkItemAsync) are looked at again
    /// after a while, with a fresh read: the start may have been consumed by another worker (a previous owner of the
    /// partition finishing an episode after the lease moved), and then nothing else would ever wake the buffer.
    /// </summary>
    private async Task RecheckParkedLaterAsync(InstanceBuffer buffer)
    {
        try
        {
            await Task.Delay(Max(_options.LeaseDuration, _options.MessageLockTimeout), _time, _shutdown.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return; // shutting down: held messages are handed back
        }

        lock (_buffers)
        {
            if (_buffers.TryGetValue(buffer.InstanceId, out InstanceBuffer? current) && current == buffer
                && !buffer.Locked && !buffer.Queued && buffer.Pending.Count > 0)
            {
                _cache.Remove(buffer.InstanceId);
                buffer.Queued = true;
                _ready.Writer.TryWrite(buffer);
            }
        }

        static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }

    private async Task ReleaseLeasesAsync(CancellationToken cancellation)
    {
        if (!_orchestrationSideStarted)
        {
            return;
        }

        foreach (PartitionState partition in _partitions)
        {
            partition.Owned = false;
        }

        await foreach (TableEntity row in _leases.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {LeasePartition} and Owner eq {_workerId}"), cancellationToken: cancellation))
        {
            row["Owner"] = string.Empty;
            row["ExpiresAt"] = DateTimeOffset.UnixEpoch;
            await TryWriteLeaseAsync(row, cancellation);
        }

        await _leases.DeleteEntityAsync(WorkerPartition, _workerId, ETag.All, cancellation);
    }
}
