using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>The dead-letter store (poison and quarantined data) and failing an instance on the backend's own authority.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    /// <summary>The <see cref="TaskFailureDetails.ErrorType"/> of an instance whose history could not be read.</summary>
    public const string CorruptHistoryErrorType = "CorruptHistory";

    private static readonly string DeadLetterPartition = "deadletter";

    // Guarded commits tried (with a growing pause) before failing an instance is left for the message's next delivery.
    private const int FailInstanceAttempts = 10;

    /// <summary>Lists dead letters, newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max = 100, CancellationToken cancellation = default)
    {
        var result = new List<DeadLetter>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {DeadLetterPartition}");
        await foreach (TableEntity row in _deadLetters.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellation))
        {
            result.Add(await ToDeadLetterAsync(row, cancellation));
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>One dead letter by id, or null when unknown.</summary>
    public async Task<DeadLetter?> GetDeadLetterAsync(string id, CancellationToken cancellation = default)
    {
        NullableResponse<TableEntity> response = await _deadLetters.GetEntityIfExistsAsync<TableEntity>(DeadLetterPartition, id, cancellationToken: cancellation);
        return response.HasValue ? await ToDeadLetterAsync(response.Value!, cancellation) : null;
    }

    /// <summary>
    /// Puts a dead-lettered message back into the queue it came from (with a fresh delivery count) and removes the dead
    /// letter. False when unknown or when it is not a message (quarantined history cannot be re-driven).
    /// </summary>
    public async Task<bool> RedriveDeadLetterAsync(string id, CancellationToken cancellation = default)
    {
        NullableResponse<TableEntity> response = await _deadLetters.GetEntityIfExistsAsync<TableEntity>(DeadLetterPartition, id, cancellationToken: cancellation);
        if (!response.HasValue)
        {
            return false;
        }

        DeadLetter letter = await ToDeadLetterAsync(response.Value!, cancellation);
        Azure.Storage.Queues.QueueClient? queue = _control.Concat([_activities]).FirstOrDefault(q => q.Name == letter.Source);
        if (queue is null || letter.Body is null)
        {
            return false;
        }

        await queue.SendMessageAsync(letter.Body, null, TimeSpan.FromSeconds(-1), cancellation);
        await DeleteDeadLetterAsync(id, cancellation);
        return true;
    }

    /// <summary>Removes a dead letter; false when unknown.</summary>
    public async Task<bool> DeleteDeadLetterAsync(string id, CancellationToken cancellation = default)
    {
        NullableResponse<TableEntity> response = await _deadLetters.GetEntityIfExistsAsync<TableEntity>(DeadLetterPartition, id, cancellationToken: cancellation);
        if (!response.HasValue)
        {
            return false;
        }

        if (response.Value!.GetString("BodyBlob") is { } blob)
        {
            await _payloads.Container.DeleteBlobIfExistsAsync(blob, cancellationToken: cancellation);
        }

        await _deadLetters.DeleteEntityAsync(DeadLetterPartition, id, ETag.All, cancellation);
        return true;
    }

    /// <summary>
    /// The dead-letter id of a queue message: newest first by the time the message entered its queue, and the same on
    /// every delivery of that message, so a dead-lettering that is retried (its message came back) rewrites one row.
    /// </summary>
    private static string DeadLetterIdFor(string queueName, Azure.Storage.Queues.Models.QueueMessage message, DateTimeOffset now)
    {
        long ticks = (message.InsertedOn ?? now).UtcTicks;
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(queueName + "/" + message.MessageId));
        return (DateTimeOffset.MaxValue.Ticks - ticks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(hash)[..8];
    }

    /// <summary>
    /// Moves a received queue message to the dead-letter table, in an order that survives a crash or a storage failure
    /// at any step: first its instance is failed (when <paramref name="failure"/> is given; it is told the dead
    /// letter's id), then the dead letter is stored (under an id derived from the message, so a retry rewrites the same
    /// row), and only then is the message deleted. When the instance cannot be failed now (conflicting commits, storage
    /// unreachable) the message stays in its queue and this is tried again when it comes back; nothing is given up
    /// silently.
    /// </summary>
    private async Task DeadLetterMessageAsync(
        Azure.Storage.Queues.QueueClient queue, Azure.Storage.Queues.Models.QueueMessage message, string kind, string? instanceId,
        string? executionId, string reason, string body, Func<string, TaskFailureDetails>? failure, CancellationToken cancellation)
    {
        string id = DeadLetterIdFor(queue.Name, message, Now);
        try
        {
            if (instanceId is not null && failure is not null && !await FailInstanceAsync(instanceId, executionId, failure(id), cancellation))
            {
                return; // logged there; the message comes back when its visibility lapses
            }

            await QuarantineAsync(kind, queue.Name, instanceId, reason, body, message.DequeueCount, cancellation, id);
            await DeleteQuietlyAsync(queue, message.MessageId, message.PopReceipt, cancellation);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            // The message stays in its queue (it was never deleted) and is dead-lettered when it comes back.
            _log.StorageLoopFailed(e, $"dead-lettering of a message from {queue.Name}", TaskHubName);
        }
    }

    /// <summary>Stores a dead letter (under <paramref name="id"/>, or a new one) and writes its one log line; returns its id.</summary>
    private async Task<string> QuarantineAsync(
        string kind, string source, string? instanceId, string reason, string? body, long dequeueCount, CancellationToken cancellation,
        string? id = null)
    {
        // Newest first: the row key counts down.
        DateTimeOffset now = Now;
        id ??= (DateTimeOffset.MaxValue.Ticks - now.Ticks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var row = new TableEntity(DeadLetterPartition, id)
        {
            ["Kind"] = kind,
            ["Source"] = source,
            ["Reason"] = reason.Length > 8000 ? reason[..8000] : reason,
            ["DequeueCount"] = dequeueCount,
            ["OccurredAt"] = now,
        };
        if (instanceId is not null)
        {
            row["InstanceId"] = instanceId;
        }

        if (body is not null)
        {
            if (body.Length <= PayloadStore.MaxInlineTableChars)
            {
                row["Body"] = body;
            }
            else
            {
                string blobName = $"~deadletters/{id}.json.gz";
                await _payloads.UploadAsync(blobName, body, cancellation);
                row["BodyBlob"] = blobName;
            }
        }

        await _deadLetters.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellation);
        Log.Quarantined(_log, kind, source, instanceId, id, reason);
        return id;
    }

    private async Task<DeadLetter> ToDeadLetterAsync(TableEntity row, CancellationToken cancellation)
    {
        string? body = row.GetString("Body");
        if (body is null && row.GetString("BodyBlob") is { } blob)
        {
            body = await _payloads.DownloadAsync(blob, cancellation);
        }

        return new DeadLetter(
            row.RowKey,
            row.GetString("Kind") ?? "Unknown",
            row.GetString("Source") ?? string.Empty,
            row.GetString("InstanceId"),
            row.GetString("Reason") ?? string.Empty,
            row.GetInt64("DequeueCount") ?? 0,
            row.GetDateTimeOffset("OccurredAt") ?? row.Timestamp ?? default,
            body);
    }

    /// <summary>
    /// Marks a running instance Failed with a readable reason (poison message, corrupt data) in one guarded commit that
    /// also appends the ExecutionCompleted event and tells a waiting parent. No-op when it has ended, is unknown or has
    /// moved to another execution than <paramref name="executionId"/>. Returns false (with a warning) when every
    /// attempt met a conflicting commit: the caller keeps the message that asked for it, to try again later.
    /// Storage failures are thrown.
    /// </summary>
    private async Task<bool> FailInstanceAsync(
        string instanceId, string? executionId, TaskFailureDetails failure, CancellationToken cancellation, bool log = true)
    {
        for (int attempt = 0; attempt < FailInstanceAttempts; attempt++)
        {
            if (attempt > 0)
            {
                // Someone else commits to the instance right now (its episodes keep running): give them room.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), _time, cancellation);
            }

            InstanceRow? row = await ReadInstanceRowOrNullIfCorruptAsync(instanceId, cancellation);
            if (row is null || IsEnded(row.State.Status) || (executionId is not null && row.ExecutionId != executionId))
            {
                return true;
            }

            DateTime now = Now.UtcDateTime;
            InstanceState state = row.State with
            {
                Status = OrchestrationRuntimeStatus.Failed,
                FailureDetails = failure,
                Output = null,
                LastUpdatedAt = now,
                CompletedAt = now,
            };
            var completed = new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, failure) { Timestamp = now };
            List<TableEntity> historyRows = await BuildHistoryRowsAsync(instanceId, row.ExecutionId, row.HistoryRows, [completed], cancellation);
            var envelopes = new List<QueueEnvelope>();
            if (state.Parent is { } parent)
            {
                var toParent = new OrchestrationMessage(
                    $"{instanceId}:{row.ExecutionId}:backend-failed", parent.InstanceId, parent.ExecutionId,
                    new SubOrchestrationInstanceFailedEvent(parent.TaskScheduledId, failure) { Timestamp = now });
                envelopes.Add(QueueEnvelope.For(toParent));
            }

            TableEntity outboxRow = await BuildOutboxRowAsync(instanceId, Guid.NewGuid().ToString("N"), envelopes, cancellation);
            TableEntity instanceRow = await BuildInstanceEntityAsync(state, row.HistoryRows + historyRows.Count, row.Processed, cancellation);
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, instanceRow, row.ETag),
            };
            actions.AddRange(historyRows.Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, h)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, outboxRow));
            try
            {
                await _history.SubmitTransactionAsync(actions, cancellation);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                continue;
            }

            _cache.Remove(instanceId);
            NotifyChanged(instanceId);
            if (log)
            {
                Log.InstanceFailedByBackend(_log, instanceId, failure.ErrorMessage);
            }

            await FinishOutboxAsync(instanceId, outboxRow.RowKey, envelopes, state, cancellation);
            return true;
        }

        _log.InstanceNotFailedYet(instanceId, FailInstanceAttempts, failure.ErrorMessage);
        return false;
    }
}
