using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Client-side operations: create, send, read, query and purge.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    /// <inheritdoc />
    public async Task CreateInstanceAsync(InstanceState pending, OrchestrationMessage startMessage, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(startMessage);
        InstanceRow? existing = null;

        // Built once: if an attempt commits but its answer is lost, the retry finds this very row and outbox row.
        string episodeId = Guid.NewGuid().ToString("N");
        List<QueueEnvelope> outbox = [QueueEnvelope.For(startMessage)];
        TableEntity instanceRow = await BuildInstanceEntityAsync(pending, historyRows: 0, processed: [], cancellation);
        TableEntity outboxRow = await BuildOutboxRowAsync(pending.InstanceId, episodeId, outbox, cancellation);
        for (int attempt = 0; ; attempt++)
        {
            // Most ids are new: the first attempt inserts without reading and reads only when the id is taken.
            if (attempt > 0)
            {
                existing = await ReadInstanceRowOrNullIfCorruptAsync(pending.InstanceId, cancellation);
                if (existing is not null && existing.ExecutionId == pending.ExecutionId)
                {
                    // Ours: an earlier attempt committed and the SDK retried after losing the answer (a timeout under
                    // load), so the retry met its own row. The start is done; send its message as a commit would.
                    _cache.Remove(pending.InstanceId);
                    NotifyChanged(pending.InstanceId);
                    await WriteIndexQuietlyAsync(pending, cancellation);
                    await FinishOutboxAsync(pending.InstanceId, outboxRow.RowKey, outbox, indexState: null, cancellation);
                    return;
                }

                if (existing is not null && !IsEnded(existing.State.Status))
                {
                    throw InstanceConflict.Create(pending.InstanceId, existing.State.Status);
                }
            }

            var actions = new List<TableTransactionAction>
            {
                existing is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, instanceRow)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, instanceRow, existing.ETag),
                new(TableTransactionActionType.UpsertReplace, outboxRow),
            };
            Response<IReadOnlyList<Response>> response;
            try
            {
                response = await _history.SubmitTransactionAsync(actions, cancellation);
            }
            catch (TableTransactionFailedException e) when ((e.Status is 409 or 412) && attempt < 5)
            {
                continue; // the id is taken, or someone created or changed it meanwhile: decide again on fresh state
            }

            // The new row is what this worker's first episode starts from: no read needed there. (Not when another
            // worker owns the partition: that worker runs the instance, and this copy would go stale.)
            if (IsLocalTarget(startMessage) && response.Value.Count > 0 && response.Value[0].Headers.ETag is { } etag)
            {
                _cache.Set(pending.InstanceId, new InstanceRow
                {
                    State = pending,
                    ExecutionId = pending.ExecutionId,
                    HistoryRows = 0,
                    Processed = [],
                    ETag = etag,
                }, []);
            }
            else
            {
                _cache.Remove(pending.InstanceId);
            }

            NotifyChanged(pending.InstanceId);

            // The Pending index row first, so that the first episode's own index write (Running, Completed) lands
            // after it, whether this worker runs it or another one (which may finish before a late write here).
            await WriteIndexQuietlyAsync(pending, cancellation);
            if (!IsLocalTarget(startMessage) || !TryDeliverLocally(outbox[0], outboxRow.RowKey))
            {
                await FinishOutboxAsync(pending.InstanceId, outboxRow.RowKey, outbox, indexState: null, cancellation);
            }

            if (existing is not null && existing.ExecutionId != pending.ExecutionId)
            {
                await DeleteExecutionRowsAsync(pending.InstanceId, existing.ExecutionId, cancellation);
            }

            return;
        }
    }

    /// <inheritdoc />
    public async Task SendMessageAsync(OrchestrationMessage message, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await SendOrDeliverLocallyAsync(QueueEnvelope.For(message), cancellation);
    }

    /// <inheritdoc />
    public async Task<InstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return (await ReadInstanceRowOrNullIfCorruptAsync(instanceId, cancellation))?.State;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        InstanceRow? row = await ReadInstanceRowAsync(instanceId, cancellation);
        return row is null ? [] : await ReadHistoryAsync(instanceId, row, cancellation);
    }

    /// <inheritdoc />
    public async Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        int pageSize = Math.Clamp(filter.PageSize, 1, 1000);

        // Index rows are spread over one table partition per control partition, each ordered by instance id: read
        // up to a page past the token from every partition at once and merge.
        string common = BuildIndexFilter(filter);
        List<(string RowKey, InstanceState State)>[] perBucket = await Task.WhenAll(Enumerable.Range(0, _control.Length).Select(async bucket =>
        {
            string where = TableClient.CreateQueryFilter($"PartitionKey eq {bucket.ToString("D2", CultureInfo.InvariantCulture)}")
                + (common.Length == 0 ? string.Empty : " and " + common);
            var found = new List<(string, InstanceState)>();
            await foreach (TableEntity entity in _instances.QueryAsync<TableEntity>(where, maxPerPage: Math.Min(1000, pageSize + 1), cancellationToken: cancellation))
            {
                InstanceState? state = await ParseIndexEntityAsync(entity, cancellation);
                if (state is not null && filter.Matches(state))
                {
                    found.Add((entity.RowKey, state));
                    if (found.Count > pageSize)
                    {
                        break;
                    }
                }
            }

            return found;
        }));

        List<(string RowKey, InstanceState State)> merged = [.. perBucket.SelectMany(b => b).OrderBy(r => r.RowKey, StringComparer.Ordinal).Take(pageSize + 1)];
        bool more = merged.Count > pageSize;
        List<InstanceState> results = [.. merged.Take(pageSize).Select(r => r.State)];
        string? token = more ? merged[pageSize - 1].RowKey : null;
        return new InstancePage(results, token);
    }

    /// <inheritdoc />
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        string pk = PartitionKeyOf(instanceId);
        NullableResponse<TableEntity> response = await _history.GetEntityIfExistsAsync<TableEntity>(pk, InstanceRowKey, cancellationToken: cancellation);
        if (!response.HasValue)
        {
            await _instances.DeleteEntityAsync(IndexPartitionOf(instanceId), pk, ETag.All, cancellation);
            return false;
        }

        TableEntity instanceRow = response.Value!;
        if (!Enum.TryParse(instanceRow.GetString("Status"), out OrchestrationRuntimeStatus status) || !IsEnded(status))
        {
            return false;
        }

        // Messages an ended instance still owes (e.g. its result to a parent) leave before its rows go.
        await SweepOutboxOfInstanceAsync(instanceId, cancellation);
        try
        {
            await _history.DeleteEntityAsync(pk, InstanceRowKey, instanceRow.ETag, cancellation);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false; // restarted or purged meanwhile
        }

        await DeletePartitionRowsAsync(pk, filter: null, cancellation);
        await _instances.DeleteEntityAsync(IndexPartitionOf(instanceId), pk, ETag.All, cancellation);
        await _payloads.DeletePrefixAsync(instanceId, cancellation);
        _cache.Remove(instanceId);
        return true;
    }

    /// <inheritdoc />
    public async Task<int> PurgeInstancesAsync(InstanceFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        OrchestrationRuntimeStatus[] ended = (filter.Statuses is { Count: > 0 } ? filter.Statuses : Enum.GetValues<OrchestrationRuntimeStatus>())
            .Where(IsEnded).ToArray();
        if (ended.Length == 0)
        {
            return 0;
        }

        int purged = 0;
        string? token = null;
        do
        {
            InstancePage page = await QueryInstancesAsync(filter with { Statuses = ended, PageSize = 100, ContinuationToken = token }, cancellation);
            foreach (InstanceState state in page.Instances)
            {
                if (await PurgeInstanceAsync(state.InstanceId, cancellation))
                {
                    purged++;
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        return purged;
    }

    private async Task<InstanceRow?> ReadInstanceRowOrNullIfCorruptAsync(string instanceId, CancellationToken cancellation)
    {
        try
        {
            return await ReadInstanceRowAsync(instanceId, cancellation);
        }
        catch (HistoryCorruptException)
        {
            return null;
        }
    }

    private static string BuildIndexFilter(InstanceFilter filter)
    {
        var clauses = new List<string>();
        if (filter.ContinuationToken is { } token)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey gt {token}"));
        }

        if (filter.InstanceIdPrefix is { Length: > 0 } prefix)
        {
            string encoded = KeyEncoding.Encode(prefix);
            clauses.Add(TableClient.CreateQueryFilter($"RowKey ge {encoded} and RowKey lt {KeyEncoding.PrefixUpperBound(encoded)}"));
        }

        if (filter.CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt ge {new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc))}"));
        }

        if (filter.CreatedTo is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt le {new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc))}"));
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        }

        return clauses.Count == 0 ? string.Empty : string.Join(" and ", clauses);
    }

    /// <summary>Deletes rows of one partition (all, or those matching a RowKey filter) in batches of 100.</summary>
    private async Task DeletePartitionRowsAsync(string pk, string? filter, CancellationToken cancellation)
    {
        string query = TableClient.CreateQueryFilter($"PartitionKey eq {pk}") + (filter is null ? string.Empty : " and " + filter);
        var batch = new List<TableTransactionAction>(100);
        await foreach (TableEntity entity in _history.QueryAsync<TableEntity>(query, select: ["PartitionKey", "RowKey"], cancellationToken: cancellation))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
            if (batch.Count == 100)
            {
                await SubmitDeletesAsync(batch, cancellation);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await SubmitDeletesAsync(batch, cancellation);
        }
    }

    private async Task SubmitDeletesAsync(List<TableTransactionAction> batch, CancellationToken cancellation)
    {
        try
        {
            await _history.SubmitTransactionAsync(batch, cancellation);
        }
        catch (TableTransactionFailedException)
        {
            // A row vanished meanwhile (a concurrent purge or cleanup): delete the rest one by one.
            foreach (TableTransactionAction action in batch)
            {
                await _history.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellation);
            }
        }
    }

    /// <summary>Best effort: removes the rows of an execution that continue-as-new or a restart left behind.</summary>
    private async Task DeleteExecutionRowsAsync(string instanceId, string executionId, CancellationToken cancellation)
    {
        try
        {
            string prefix = HistoryPrefix(executionId);
            await DeletePartitionRowsAsync(PartitionKeyOf(instanceId),
                TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {KeyEncoding.PrefixUpperBound(prefix)}"), cancellation);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            // Rows of an old execution are never read again; purge removes them in any case.
        }
    }
}
