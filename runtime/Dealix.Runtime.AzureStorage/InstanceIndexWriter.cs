using Azure.Data.Tables;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// Group commit for the Instances index: rows of one bucket (a table partition) wait while that bucket's previous
/// batch is in flight and then go together as one entity-group transaction, so N concurrent status changes cost about
/// N/100 requests instead of N. A newer row for the same instance replaces a waiting older one, and one bucket has at
/// most one batch in flight, so the newest state written in this process is the one that stays.
/// </summary>
internal sealed class InstanceIndexWriter(TableClient table)
{
    // Entity-group transactions take at most 100 entities and 4 MiB; an index row holds up to ~60 KB of state.
    private const int MaxRowsPerBatch = 100;
    private const long MaxCharsPerBatch = 1_500_000;

    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Stores the row with the next batch of its partition; completes when that batch is committed.</summary>
    public Task WriteAsync(TableEntity row)
    {
        Bucket bucket;
        Pending pending;
        bool startFlush;
        lock (_buckets)
        {
            if (!_buckets.TryGetValue(row.PartitionKey, out bucket!))
            {
                bucket = new Bucket(row.PartitionKey);
                _buckets[row.PartitionKey] = bucket;
            }

            if (bucket.Waiting.TryGetValue(row.RowKey, out Pending? older))
            {
                older.Row = row; // coalesced: the waiting write now carries the newer state, and both callers wait for it
                pending = older;
            }
            else
            {
                pending = new Pending(row);
                bucket.Waiting[row.RowKey] = pending;
                bucket.Order.Enqueue(row.RowKey);
            }

            startFlush = !bucket.Flushing;
            bucket.Flushing = true;
        }

        if (startFlush)
        {
            _ = Task.Run(() => FlushAsync(bucket));
        }

        return pending.Done.Task;
    }

    private async Task FlushAsync(Bucket bucket)
    {
        while (true)
        {
            List<Pending> batch = [];
            lock (_buckets)
            {
                long chars = 0;
                while (batch.Count < MaxRowsPerBatch && bucket.Order.TryPeek(out string? rowKey))
                {
                    Pending next = bucket.Waiting[rowKey];
                    long size = EstimateChars(next.Row);
                    if (batch.Count > 0 && chars + size > MaxCharsPerBatch)
                    {
                        break;
                    }

                    bucket.Order.Dequeue();
                    bucket.Waiting.Remove(rowKey);
                    batch.Add(next);
                    chars += size;
                }

                if (batch.Count == 0)
                {
                    bucket.Flushing = false;
                    return;
                }
            }

            try
            {
                if (batch.Count == 1)
                {
                    await table.UpsertEntityAsync(batch[0].Row, TableUpdateMode.Replace);
                }
                else
                {
                    await table.SubmitTransactionAsync(batch.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p.Row)));
                }

                foreach (Pending pending in batch)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (Exception e)
            {
                // Every writer of the batch learns of the failure and keeps its own recovery (the outbox row stays).
                foreach (Pending pending in batch)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
    }

    private static long EstimateChars(TableEntity row) =>
        1024 + row.Sum(p => p.Value is string s ? (long)s.Length : 16);

    private sealed class Bucket(string partitionKey)
    {
        public string PartitionKey { get; } = partitionKey;

        public Dictionary<string, Pending> Waiting { get; } = new(StringComparer.Ordinal);

        public Queue<string> Order { get; } = new();

        public bool Flushing { get; set; }
    }

    private sealed class Pending(TableEntity row)
    {
        public TableEntity Row { get; set; } = row;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
