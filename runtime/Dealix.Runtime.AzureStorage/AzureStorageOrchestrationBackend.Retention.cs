using Azure.Data.Tables;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// Retention: a timer every <see cref="AzureStorageOptions.RetentionInterval"/> purges the ended instances whose
/// completion is older than <see cref="AzureStorageOptions.RetentionPeriod"/> (host.json <c>retentionPeriod</c>).
/// </summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private async Task RetentionLoopAsync(CancellationToken cancellation)
    {
        TimeSpan retention = _options.RetentionPeriod!.Value;
        // The first pass waits for the leases: each worker purges the index partitions of the control queues it owns,
        // so several workers do not scan and purge the same rows.
        TimeSpan wait = _options.RetentionInterval < _options.LeaseRenewInterval ? _options.RetentionInterval : _options.LeaseRenewInterval;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, _time, cancellation).ConfigureAwait(false);
                wait = _options.RetentionInterval;
                int purged = await PurgeEndedBeforeAsync(Now.UtcDateTime - retention, cancellation);
                if (purged > 0)
                {
                    _log.RetentionPurged(purged, TaskHubName);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LoopFailed(e, "retention timer", failing: false, cancellation);
            }
        }
    }

    /// <summary>Purges ended instances of the owned partitions completed before <paramref name="cutoff"/>; returns how many.</summary>
    private async Task<int> PurgeEndedBeforeAsync(DateTime cutoff, CancellationToken cancellation)
    {
        int purged = 0;
        for (int partition = 0; partition < _partitions.Length; partition++)
        {
            if (!_partitions[partition].Owned)
            {
                continue;
            }

            string key = partition.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and CompletedAt lt {new DateTimeOffset(cutoff)}");
            var ids = new List<string>();
            await foreach (TableEntity entity in _instances.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellation))
            {
                ids.Add(KeyEncoding.Decode(entity.RowKey));
            }

            foreach (string id in ids)
            {
                if (await PurgeInstanceAsync(id, cancellation))
                {
                    purged++;
                }
            }
        }

        return purged;
    }
}
