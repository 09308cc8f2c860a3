using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Row keys and the (de)serialization of instance, history and outbox rows.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    // Batches stay well under the service limits (100 entities, 4 MiB): the instance row and the outbox row take two.
    private static readonly int MaxHistoryRowsPerCommit = 90;
    private static readonly int MaxBatchActions = 100;
    private static readonly int MaxLocalTimersPerCommit = 16;
    private static readonly long MaxCommitChars = 1_200_000;

    private static string PartitionKeyOf(string instanceId) => KeyEncoding.Encode(instanceId);

    /// <summary>The Instances-table partition of an instance's index row: its control partition, as two digits.</summary>
    private string IndexPartitionOf(string instanceId) =>
        PartitionHash.PartitionOf(instanceId, _control.Length).ToString("D2", CultureInfo.InvariantCulture);

    private static string HistoryPrefix(string executionId) => $"h.{KeyEncoding.Encode(executionId)}.";

    private static string HistoryRowKey(string executionId, int index) =>
        HistoryPrefix(executionId) + index.ToString("D8", CultureInfo.InvariantCulture);

    private static string OutboxRowKey(string episodeId) => "o." + episodeId;

    private static readonly string OutboxRangeStart = "o.";
    private static readonly string OutboxRangeEnd = "o/";

    /// <summary>Reads the instance row; null when the instance does not exist.</summary>
    private async Task<InstanceRow?> ReadInstanceRowAsync(string instanceId, CancellationToken cancellation)
    {
        NullableResponse<TableEntity> response =
            await _history.GetEntityIfExistsAsync<TableEntity>(PartitionKeyOf(instanceId), InstanceRowKey, cancellationToken: cancellation);
        return response.HasValue ? await ParseInstanceRowAsync(response.Value!, cancellation) : null;
    }

    private async Task<InstanceRow> ParseInstanceRowAsync(TableEntity entity, CancellationToken cancellation)
    {
        string? json = entity.GetString("State");
        string? blob = entity.GetString("StateBlob");
        try
        {
            json ??= blob is null ? null : await _payloads.DownloadAsync(blob, cancellation);
            InstanceState state = JsonSerializer.Deserialize<InstanceState>(json ?? "null", WebJsonDataConverter.Options)
                ?? throw new JsonException("the instance row has no state");
            string processed = entity.GetString("Processed") ?? "[]";
            return new InstanceRow
            {
                State = state,
                ExecutionId = entity.GetString("ExecutionId") ?? state.ExecutionId,
                HistoryRows = entity.GetInt32("HistoryRows") ?? 0,
                Processed = JsonSerializer.Deserialize<List<string>>(processed, WebJsonDataConverter.Options) ?? [],
                ETag = entity.ETag,
            };
        }
        catch (Exception e) when (StorageFaults.IsCorruptData(e))
        {
            // Only bad data (or a state blob missing after its commit) is corruption; a blob read that failed on the
            // way (a 503, a time-out) propagates as a storage failure and is retried.
            throw new HistoryCorruptException($"instance row is unreadable: {e.Message}", e) { RowKey = InstanceRowKey, RawContent = json ?? blob };
        }
    }

    /// <summary>Builds the instance row entity; a state too large for a property goes to a blob first.</summary>
    private async Task<TableEntity> BuildInstanceEntityAsync(
        InstanceState state, int historyRows, IEnumerable<string> processed, CancellationToken cancellation)
    {
        var entity = new TableEntity(PartitionKeyOf(state.InstanceId), InstanceRowKey)
        {
            ["ExecutionId"] = state.ExecutionId,
            ["HistoryRows"] = historyRows,
            ["Status"] = state.Status.ToString(),
            ["Processed"] = SerializeProcessed(processed),
        };
        await SetLargeTextAsync(entity, "State", "StateBlob", state.InstanceId, "state",
            JsonSerializer.Serialize(state, WebJsonDataConverter.Options), cancellation);
        return entity;
    }

    private string SerializeProcessed(IEnumerable<string> processed)
    {
        List<string> window = processed.TakeLast(_options.DeduplicationWindow).ToList();
        string json = JsonSerializer.Serialize(window, WebJsonDataConverter.Options);
        while (json.Length > PayloadStore.MaxInlineTableChars && window.Count > 0)
        {
            window.RemoveRange(0, Math.Max(1, window.Count / 4));
            json = JsonSerializer.Serialize(window, WebJsonDataConverter.Options);
        }

        return json;
    }

    private async Task SetLargeTextAsync(
        TableEntity entity, string property, string blobProperty, string instanceId, string kind, string text, CancellationToken cancellation)
    {
        if (text.Length <= PayloadStore.MaxInlineTableChars)
        {
            entity[property] = text;
            return;
        }

        // A fresh name per write: a writer that loses the ETag race must never overwrite what the winner references.
        string blobName = PayloadStore.BlobName(instanceId, kind, Guid.NewGuid().ToString("N"));
        await _payloads.UploadAsync(blobName, text, cancellation);
        entity[blobProperty] = blobName;
    }

    /// <summary>
    /// History rows for new events: consecutive events share a row while it stays under the property limit; when
    /// an episode needs more rows than a batch allows, all its events go into one blob-backed row.
    /// </summary>
    private async Task<List<TableEntity>> BuildHistoryRowsAsync(
        string instanceId, string executionId, int startIndex, IReadOnlyList<HistoryEvent> events, CancellationToken cancellation)
    {
        var rows = new List<TableEntity>();
        if (events.Count == 0)
        {
            return rows;
        }

        List<string> serialized = events.Select(e => JsonSerializer.Serialize(e, WebJsonDataConverter.Options)).ToList();
        long totalChars = serialized.Sum(s => (long)s.Length);
        var groups = new List<List<string>>();
        var current = new List<string>();
        int currentChars = 2;
        foreach (string json in serialized)
        {
            if (current.Count > 0 && currentChars + json.Length + 1 > PayloadStore.MaxInlineTableChars)
            {
                groups.Add(current);
                current = [];
                currentChars = 2;
            }

            current.Add(json);
            currentChars += json.Length + 1;
        }

        groups.Add(current);
        if (groups.Count > MaxHistoryRowsPerCommit || totalChars > MaxCommitChars)
        {
            groups = [serialized];
        }

        int index = startIndex;
        foreach (List<string> group in groups)
        {
            var row = new TableEntity(PartitionKeyOf(instanceId), HistoryRowKey(executionId, index))
            {
                ["ExecutionId"] = executionId,
                ["Count"] = group.Count,
            };
            await SetLargeTextAsync(row, "Events", "EventsBlob", instanceId, "history", "[" + string.Join(',', group) + "]", cancellation);
            rows.Add(row);
            index++;
        }

        return rows;
    }

    /// <summary>Reads the committed history rows of the instance's current execution, in order.</summary>
    private async Task<List<HistoryEvent>> ReadHistoryAsync(string instanceId, InstanceRow row, CancellationToken cancellation)
    {
        var history = new List<HistoryEvent>();
        if (row.HistoryRows == 0)
        {
            return history;
        }

        string prefix = HistoryPrefix(row.ExecutionId);
        string pk = PartitionKeyOf(instanceId);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and RowKey ge {prefix} and RowKey lt {KeyEncoding.PrefixUpperBound(prefix)}");
        int expected = 0;
        await foreach (TableEntity entity in _history.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            if (expected >= row.HistoryRows)
            {
                break; // rows past the committed count belong to an episode that never committed
            }

            if (!string.Equals(entity.RowKey, HistoryRowKey(row.ExecutionId, expected), StringComparison.Ordinal))
            {
                throw new HistoryCorruptException($"history row {HistoryRowKey(row.ExecutionId, expected)} is missing")
                {
                    RowKey = HistoryRowKey(row.ExecutionId, expected),
                };
            }

            string? text = entity.GetString("Events");
            try
            {
                string? blob = entity.GetString("EventsBlob");
                text ??= blob is null ? null : await _payloads.DownloadAsync(blob, cancellation);
                List<HistoryEvent?> events = JsonSerializer.Deserialize<List<HistoryEvent?>>(text ?? "null", WebJsonDataConverter.Options)
                    ?? throw new JsonException("the row holds no events");
                if (events.Any(e => e is null))
                {
                    throw new JsonException("the row holds a null event");
                }

                history.AddRange(events!);
            }
            catch (Exception e) when (StorageFaults.IsCorruptData(e))
            {
                throw new HistoryCorruptException($"history row {entity.RowKey} is unreadable: {e.Message}", e)
                {
                    RowKey = entity.RowKey,
                    RawContent = text ?? entity.GetString("EventsBlob"),
                };
            }

            expected++;
        }

        if (expected < row.HistoryRows)
        {
            throw new HistoryCorruptException(
                $"history holds {expected} of the {row.HistoryRows} committed rows of execution {row.ExecutionId}")
            {
                RowKey = HistoryRowKey(row.ExecutionId, expected),
            };
        }

        return history;
    }

    /// <summary>Builds an outbox row holding the envelopes an episode sends (a blob when they are large).</summary>
    private async Task<TableEntity> BuildOutboxRowAsync(
        string instanceId, string episodeId, List<QueueEnvelope> envelopes, CancellationToken cancellation)
    {
        var row = new TableEntity(PartitionKeyOf(instanceId), OutboxRowKey(episodeId))
        {
            ["InstanceId"] = instanceId,
            ["Count"] = envelopes.Count,
        };
        await SetLargeTextAsync(row, "Messages", "MessagesBlob", instanceId, "outbox",
            JsonSerializer.Serialize(envelopes, WebJsonDataConverter.Options), cancellation);
        return row;
    }

    private async Task<List<QueueEnvelope>> ReadOutboxRowAsync(TableEntity row, CancellationToken cancellation)
    {
        string? text = row.GetString("Messages");
        string? blob = row.GetString("MessagesBlob");
        text ??= blob is null ? "[]" : await _payloads.DownloadAsync(blob, cancellation);
        return JsonSerializer.Deserialize<List<QueueEnvelope>>(text, WebJsonDataConverter.Options) ?? [];
    }

    /// <summary>The query-index copy of an instance row.</summary>
    private async Task<TableEntity> BuildIndexEntityAsync(InstanceState state, CancellationToken cancellation)
    {
        var entity = new TableEntity(IndexPartitionOf(state.InstanceId), PartitionKeyOf(state.InstanceId))
        {
            ["Name"] = state.Name,
            ["Status"] = state.Status.ToString(),
            ["CreatedAt"] = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedAt, DateTimeKind.Utc)),
            ["LastUpdatedAt"] = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedAt, DateTimeKind.Utc)),
        };
        if (state.CompletedAt is { } completed)
        {
            entity["CompletedAt"] = new DateTimeOffset(DateTime.SpecifyKind(completed, DateTimeKind.Utc));
        }

        await SetLargeTextAsync(entity, "State", "StateBlob", state.InstanceId, "index",
            JsonSerializer.Serialize(state, WebJsonDataConverter.Options), cancellation);
        return entity;
    }

    private async Task<InstanceState?> ParseIndexEntityAsync(TableEntity entity, CancellationToken cancellation)
    {
        string? json = entity.GetString("State");
        string? blob = entity.GetString("StateBlob");
        try
        {
            json ??= blob is null ? null : await _payloads.DownloadAsync(blob, cancellation);
            return json is null ? null : JsonSerializer.Deserialize<InstanceState>(json, WebJsonDataConverter.Options);
        }
        catch (Exception e) when (StorageFaults.IsCorruptData(e))
        {
            return null; // the index is a copy; an unreadable copy is skipped and rewritten by the next commit
        }
    }

    private static bool IsEnded(OrchestrationRuntimeStatus status) => status.IsTerminal();

    private static int CountUtf8(string text) => Encoding.UTF8.GetByteCount(text);
}
