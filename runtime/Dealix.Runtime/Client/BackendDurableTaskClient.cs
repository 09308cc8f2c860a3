using Dealix.Runtime.Backend;

namespace Dealix.Runtime.Client;

/// <summary>
/// The <see cref="DurableTaskClient"/> over an <see cref="IOrchestrationBackend"/>: validates every request before
/// anything is stored, then writes instance rows and messages through the backend.
/// </summary>
public sealed class BackendDurableTaskClient : DurableTaskClient
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);
    private readonly IOrchestrationBackend _backend;
    private readonly TaskCatalog? _registry;
    private readonly DataConverter _converter;
    private readonly TimeProvider _time;

    /// <summary>Creates a client.</summary>
    /// <param name="backend">The task hub's backend.</param>
    /// <param name="registry">When given, starts of unregistered orchestrators are refused.</param>
    /// <param name="converter">The payload converter (JSON by default).</param>
    /// <param name="timeProvider">The clock for timestamps.</param>
    public BackendDurableTaskClient(
        IOrchestrationBackend backend, TaskCatalog? registry = null, DataConverter? converter = null, TimeProvider? timeProvider = null)
        : base(backend?.TaskHubName ?? throw new ArgumentNullException(nameof(backend)))
    {
        _backend = backend;
        _registry = registry;
        _converter = converter ?? WebJsonDataConverter.Default;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        string? serialized = Serialize(input, "orchestration input", nameof(input));
        return ScheduleSerializedAsync(orchestratorName, serialized, options, cancellation);
    }

    /// <inheritdoc />
    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        string? payload = Serialize(eventPayload, "event payload", nameof(eventPayload));
        // The raiser's trace context travels with the event: the episode it wakes links to it.
        await SendAsync(instanceId, new EventRaisedEvent(eventName, payload) { TraceParent = System.Diagnostics.Activity.Current?.Id }, cancellation);
    }

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, s => s.Status != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, s => s.Status.IsTerminal(), cancellation);

    /// <inheritdoc />
    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        string? output = Serialize(options?.Output, "terminate output", nameof(options));
        InstanceState? state = await _backend.GetInstanceAsync(instanceId, cancellation);
        if (state is null || state.Status.IsTerminal())
        {
            return;
        }

        if (options?.Recursive == true)
        {
            foreach (string child in await RunningChildrenAsync(instanceId, cancellation))
            {
                await TerminateInstanceAsync(child, options, cancellation);
            }
        }

        await SendAsync(instanceId, new ExecutionTerminatedEvent(output), cancellation);
    }

    /// <inheritdoc />
    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        await SendAsync(instanceId, new ExecutionSuspendedEvent(reason), cancellation);
    }

    /// <inheritdoc />
    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        await SendAsync(instanceId, new ExecutionResumedEvent(reason), cancellation);
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        InstanceState? state = await _backend.GetInstanceAsync(instanceId, cancellation);
        return state is null ? null : ToMetadata(state, getInputsAndOutputs);
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        OrchestrationQuery query = filter ?? new OrchestrationQuery();
        if (query.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), query.PageSize, "The page size must be between 1 and 1000.");
        }

        return Pageable.Create<OrchestrationMetadata>(async (token, sizeHint, cancellation) =>
        {
            InstancePage page = await _backend.QueryInstancesAsync(
                new InstanceFilter(
                    query.CreatedFrom?.UtcDateTime,
                    query.CreatedTo?.UtcDateTime,
                    query.Statuses?.ToArray(),
                    query.InstanceIdPrefix,
                    sizeHint ?? query.PageSize,
                    token ?? query.ContinuationToken),
                cancellation);
            return new Page<OrchestrationMetadata>([.. page.Instances.Select(s => ToMetadata(s, query.FetchInputsAndOutputs))], page.ContinuationToken);
        });
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        int purged = 0;
        if (options?.Recursive == true)
        {
            foreach (string child in await ChildrenAsync(instanceId, cancellation))
            {
                purged += (await PurgeInstanceAsync(child, options, cancellation)).PurgedInstanceCount;
            }
        }

        purged += await _backend.PurgeInstanceAsync(instanceId, cancellation) ? 1 : 0;
        return new PurgeResult(purged, isComplete: true);
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        OrchestrationRuntimeStatus[] terminal = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];
        OrchestrationRuntimeStatus[] statuses = filter.Statuses?.Where(s => s.IsTerminal()).ToArray() is { Length: > 0 } chosen ? chosen : terminal;
        if (filter.Statuses is not null && filter.Statuses.Any() && !filter.Statuses.Any(s => s.IsTerminal()))
        {
            return new PurgeResult(0, isComplete: true);
        }

        int purged = await _backend.PurgeInstancesAsync(
            new InstanceFilter(filter.CreatedFrom?.UtcDateTime, filter.CreatedTo?.UtcDateTime, statuses), cancellation);
        return new PurgeResult(purged, isComplete: true);
    }

    /// <inheritdoc />
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        InstanceState state = await _backend.GetInstanceAsync(instanceId, cancellation)
            ?? throw new ArgumentException($"No orchestration instance with id '{instanceId}' exists.", nameof(instanceId));
        string newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        if (!restartWithNewInstanceId && !state.Status.IsTerminal())
        {
            await TerminateInstanceAsync(instanceId, new TerminateInstanceOptions("Restarted."), cancellation);
            await WaitForInstanceCompletionAsync(instanceId, cancellation: cancellation);
        }

        return await ScheduleSerializedAsync(state.Name, state.Input, new StartOrchestrationOptions(newId) { Tags = state.Tags ?? new Dictionary<string, string>() }, cancellation);
    }

    /// <summary>The history of the instance's current execution, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        InstanceIds.Validate(instanceId);
        return await _backend.GetHistoryAsync(instanceId, cancellation);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> ScheduleSerializedAsync(TaskName orchestratorName, string? serializedInput, StartOrchestrationOptions? options, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(orchestratorName.Name))
        {
            throw new ArgumentException("The orchestrator name must not be empty.", nameof(orchestratorName));
        }

        if (_registry is not null && !_registry.HasOrchestrator(orchestratorName))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        }

        if (options?.DedupeStatuses is { Count: > 0 })
        {
            throw new NotSupportedException(
                "StartOrchestrationOptions.DedupeStatuses is not supported by the Dealix engine yet: it refuses an id whose instance has " +
                "not ended and replaces an ended one. Leave DedupeStatuses empty.");
        }

        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(instanceId, nameof(options));
        string? version = string.IsNullOrEmpty(options?.Version?.Version) ? null : options.Version.Value.Version;
        DateTime now = _time.GetUtcNow().UtcDateTime;
        DateTime? startAt = options?.StartAt?.UtcDateTime;
        IReadOnlyDictionary<string, string> tags = options?.Tags ?? new Dictionary<string, string>();
        string executionId = Guid.NewGuid().ToString("N");
        var pending = new InstanceState
        {
            InstanceId = instanceId,
            Name = orchestratorName.Name,
            ExecutionId = executionId,
            Status = OrchestrationRuntimeStatus.Pending,
            Input = serializedInput,
            CreatedAt = now,
            LastUpdatedAt = now,
            Tags = tags,
            ScheduledStartTime = startAt,
        };
        var start = new OrchestrationMessage(
            $"{instanceId}|{executionId}|start",
            instanceId,
            executionId,
            new ExecutionStartedEvent(orchestratorName.Name, serializedInput, executionId, null, startAt, tags, version)
            {
                Timestamp = now,
                TraceParent = System.Diagnostics.Activity.Current?.Id,
            })
        {
            VisibleAt = startAt,
        };
        await _backend.CreateInstanceAsync(pending, start, cancellation);
        return instanceId;
    }

    private Task SendAsync(string instanceId, HistoryEvent e, CancellationToken cancellation) =>
        _backend.SendMessageAsync(
            new OrchestrationMessage(Guid.NewGuid().ToString("N"), instanceId, null, e with { Timestamp = _time.GetUtcNow().UtcDateTime }),
            cancellation);

    private async Task<OrchestrationMetadata> WaitForAsync(
        string instanceId, bool getInputsAndOutputs, Func<InstanceState, bool> done, CancellationToken cancellation)
    {
        InstanceIds.Validate(instanceId);
        TimeSpan interval = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            // The change wait starts before the read, so a commit landing between the read and the wait still wakes us.
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            Task? changed = (_backend as IInstanceChangeNotifier)?.WaitForChangeAsync(instanceId, MaxPollInterval, stopWaiting.Token);
            InstanceState? state = await _backend.GetInstanceAsync(instanceId, cancellation);
            if (state is not null && done(state))
            {
                await stopWaiting.CancelAsync();
                return ToMetadata(state, getInputsAndOutputs);
            }

            if (changed is not null)
            {
                await changed;
            }
            else
            {
                await Task.Delay(interval, cancellation);
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
            }
        }
    }

    private async Task<IReadOnlyList<string>> ChildrenAsync(string instanceId, CancellationToken cancellation) =>
        [.. (await _backend.GetHistoryAsync(instanceId, cancellation)).OfType<SubOrchestrationInstanceCreatedEvent>().Select(e => e.InstanceId).Distinct()];

    private async Task<IReadOnlyList<string>> RunningChildrenAsync(string instanceId, CancellationToken cancellation)
    {
        IReadOnlyList<HistoryEvent> history = await _backend.GetHistoryAsync(instanceId, cancellation);
        var finished = history.Select(e => e switch
        {
            SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
            SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
            _ => -1,
        }).ToHashSet();
        return [.. history.OfType<SubOrchestrationInstanceCreatedEvent>().Where(e => !finished.Contains(e.EventId)).Select(e => e.InstanceId)];
    }

    private string? Serialize(object? value, string what, string paramName)
    {
        try
        {
            return _converter.Serialize(value);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            throw new ArgumentException($"The {what} cannot be serialized: {ex.Message}", paramName, ex);
        }
    }

    private OrchestrationMetadata ToMetadata(InstanceState state, bool withPayloads) => new(state.Name, state.InstanceId)
    {
        RuntimeStatus = state.Status,
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedAt, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedAt, DateTimeKind.Utc)),
        SerializedInput = withPayloads ? state.Input : null,
        // A failed instance's output is its error message, raw, as the SDK's clients report it.
        SerializedOutput = !withPayloads ? null : state.Status == OrchestrationRuntimeStatus.Failed ? state.FailureDetails?.ErrorMessage ?? state.Output : state.Output,
        SerializedCustomStatus = withPayloads ? state.CustomStatus : null,
        Tags = state.Tags ?? new Dictionary<string, string>(),
        FailureDetails = state.FailureDetails,
        DataConverter = withPayloads ? _converter : null,
    };
}
