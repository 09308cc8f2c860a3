using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreOrchestrationQuery = DurableTask.Core.Query.OrchestrationQuery;
using CoreOrchestrationState = DurableTask.Core.OrchestrationState;
using CoreOrchestrationStatus = DurableTask.Core.OrchestrationStatus;
using CorePurgeResult = DurableTask.Core.PurgeResult;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace Dealix.Runtime.DurableTaskFramework;

public sealed partial class DtfxDurableTaskClient
{
    private static readonly IReadOnlyDictionary<string, string> EmptyTags = new Dictionary<string, string>();

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        CoreOrchestrationState? state = await GetCoreStateAsync(instanceId, getInputsAndOutputs, cancellation);
        return state is null ? null : await ToMetadataAsync(state, getInputsAndOutputs, cancellation);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Pages come from the engine's instance query (<see cref="IOrchestrationServiceQueryClient"/>): each page holds
    /// at most the page size asked for (<see cref="AsyncPageable{T}.AsPages"/>'s hint, else
    /// <see cref="OrchestrationQuery.PageSize"/>), and its continuation token resumes the query. Azure Storage may
    /// return a short or even empty page with a token when the table scan stops early; iterate until the token is null.
    /// </remarks>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        IOrchestrationServiceQueryClient queryClient = _client as IOrchestrationServiceQueryClient ?? throw new NotSupportedException(
            $"{_client.GetType().Name} does not implement {nameof(IOrchestrationServiceQueryClient)}, so instances cannot be listed.");
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            bool withPayloads = filter?.FetchInputsAndOutputs ?? false;
            var query = new CoreOrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(status => status.ToCoreStatus()).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInputsAndOutputs = withPayloads,
            };
            OrchestrationQueryResult result = await queryClient.GetOrchestrationWithQueryAsync(query, cancellation);
            var page = new List<OrchestrationMetadata>(result.OrchestrationState.Count);
            foreach (CoreOrchestrationState state in result.OrchestrationState)
            {
                page.Add(await ToMetadataAsync(state, withPayloads, cancellation));
            }

            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });
    }

    /// <inheritdoc/>
    /// <remarks>Throws <see cref="InvalidOperationException"/> when the instance does not exist (as the official clients do).</remarks>
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        while (true)
        {
            OrchestrationMetadata metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"Orchestration with instanceId '{instanceId}' does not exist");
            if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return metadata;
            }

            await Task.Delay(_statusPollingInterval, cancellation);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Reads the status every <see cref="DtfxOptions.StatusPollingInterval"/> until the instance is completed, failed
    /// or terminated; an instance that does not exist (yet) is waited for as well. Only <paramref name="cancellation"/>
    /// ends the wait early, with <see cref="OperationCanceledException"/>.
    /// </remarks>
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        while (true)
        {
            CoreOrchestrationState? state = await GetCoreStateAsync(instanceId, getInputsAndOutputs, cancellation);
            if (state is not null && state.OrchestrationStatus.IsTerminal())
            {
                return await ToMetadataAsync(state, getInputsAndOutputs, cancellation);
            }

            await Task.Delay(_statusPollingInterval, cancellation);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Only an instance that is completed, failed or terminated can be purged (<see cref="InvalidOperationException"/>
    /// otherwise); a missing instance purges nothing. Recursive purge is not supported.
    /// </remarks>
    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        RejectRecursivePurge(options);
        CoreOrchestrationState? state = await GetCoreStateAsync(instanceId, fetchInput: false, cancellation);
        if (state is null)
        {
            return new PurgeResult(0);
        }

        if (!state.OrchestrationStatus.IsTerminal())
        {
            throw new InvalidOperationException(
                $"Only orchestrations in a terminal state can be purged, but the orchestration with instance ID {instanceId} " +
                $"has status {state.OrchestrationStatus.ToRuntimeStatus()}.");
        }

        cancellation.ThrowIfCancellationRequested();
        CorePurgeResult result = await PurgeClient.PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Purges every instance created in the filter's time range whose status is one of the filter's statuses (any
    /// status when none is given). Recursive purge is not supported.
    /// </remarks>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RejectRecursivePurge(options);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(
            (filter.CreatedFrom ?? DateTimeOffset.MinValue).UtcDateTime,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(status => status.ToCoreStatus()).ToList());
        CorePurgeResult result = await PurgeClient.PurgeInstanceStateAsync(coreFilter);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    private IOrchestrationServicePurgeClient PurgeClient => _client as IOrchestrationServicePurgeClient ?? throw new NotSupportedException(
        $"{_client.GetType().Name} does not implement {nameof(IOrchestrationServicePurgeClient)}, so instances cannot be purged.");

    private static void RejectRecursivePurge(PurgeInstanceOptions? options)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException(
                "Recursive purge is not supported by the Durable Task Framework client; purge each sub-orchestration by its id.");
        }
    }

    /// <summary>The latest execution's state, or null when the instance does not exist.</summary>
    private async Task<CoreOrchestrationState?> GetCoreStateAsync(string instanceId, bool fetchInput, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        IList<CoreOrchestrationState> states = _client is AzureStorageOrchestrationService azure
            ? await azure.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput)
            : await _client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states is { Count: > 0 } ? states[0] : null;
    }

    private async Task<OrchestrationMetadata> ToMetadataAsync(
        CoreOrchestrationState state, bool getInputsAndOutputs, CancellationToken cancellation)
    {
        TaskFailureDetails? failure = state.FailureDetails?.ToTaskFailureDetails();
        if (failure is null && state.OrchestrationStatus == CoreOrchestrationStatus.Failed)
        {
            failure = await ReadFailureDetailsAsync(state, cancellation);
        }

        return new OrchestrationMetadata(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = getInputsAndOutputs ? _dataConverter : null,
            RuntimeStatus = state.OrchestrationStatus.ToRuntimeStatus(),
            CreatedAt = AsUtc(state.CreatedTime),
            LastUpdatedAt = AsUtc(state.LastUpdatedTime),
            SerializedInput = getInputsAndOutputs ? state.Input : null,
            // As the SDK's own clients report them: a failed instance's output is its error message (the store holds
            // "ErrorType: ErrorMessage"), and a suspended one has none (the store holds the suspend reason there).
            SerializedOutput = !getInputsAndOutputs ? null : state.OrchestrationStatus switch
            {
                CoreOrchestrationStatus.Failed => failure?.ErrorMessage,
                CoreOrchestrationStatus.Suspended => null,
                _ => state.Output,
            },
            SerializedCustomStatus = getInputsAndOutputs ? state.Status : null,
            Tags = state.Tags is null ? EmptyTags : new Dictionary<string, string>(state.Tags, StringComparer.Ordinal),
            FailureDetails = failure,
        };
    }

    private static DateTimeOffset AsUtc(DateTime time) =>
        new(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime());

    /// <summary>
    /// DurableTask.AzureStorage keeps only "ErrorType: ErrorMessage" in the instances table; the full failure
    /// details, with stack trace and inner failures, are on the execution's ExecutionCompleted history event. Reads
    /// them from there, falling back to the instances table's text.
    /// </summary>
    private async Task<TaskFailureDetails> ReadFailureDetailsAsync(CoreOrchestrationState state, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        string? history = null;
        try
        {
            history = await _client.GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, state.OrchestrationInstance.ExecutionId);
        }
        catch (NotSupportedException)
        {
            // an engine without history export: the stored text is all there is
        }
        catch (NotImplementedException)
        {
            // same as above
        }

        if (history is not null && FindCompletionFailure(history) is { } details)
        {
            return details.ToTaskFailureDetails();
        }

        string text = state.Output ?? string.Empty;
        int colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0
            ? new TaskFailureDetails(text[..colon], text[(colon + 2)..], null, null, null)
            : new TaskFailureDetails("(unknown)", text, null, null, null);
    }

    private static CoreFailureDetails? FindCompletionFailure(string historyJson)
    {
        using JsonDocument document = JsonDocument.Parse(historyJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (JsonElement historyEvent in document.RootElement.EnumerateArray())
        {
            if (historyEvent.ValueKind == JsonValueKind.Object
                && historyEvent.TryGetProperty("FailureDetails", out JsonElement failure)
                && failure.ValueKind == JsonValueKind.Object
                && IsExecutionCompleted(historyEvent))
            {
                return ParseFailure(failure);
            }
        }

        return null;
    }

    private static bool IsExecutionCompleted(JsonElement historyEvent) =>
        historyEvent.TryGetProperty("EventType", out JsonElement type) && type.ValueKind switch
        {
            JsonValueKind.Number => type.GetInt32() == (int)DurableTask.Core.History.EventType.ExecutionCompleted,
            JsonValueKind.String => type.GetString() == nameof(DurableTask.Core.History.EventType.ExecutionCompleted),
            _ => false,
        };

    private static CoreFailureDetails ParseFailure(JsonElement failure)
    {
        string? Text(string name) =>
            failure.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        CoreFailureDetails? inner = failure.TryGetProperty("InnerFailure", out JsonElement innerElement)
            && innerElement.ValueKind == JsonValueKind.Object ? ParseFailure(innerElement) : null;
        bool nonRetriable = failure.TryGetProperty("IsNonRetriable", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
        return new CoreFailureDetails(Text("ErrorType") ?? "(unknown)", Text("ErrorMessage") ?? string.Empty, Text("StackTrace"), inner, nonRetriable);
    }
}
