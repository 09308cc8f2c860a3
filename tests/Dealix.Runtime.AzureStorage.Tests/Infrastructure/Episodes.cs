using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage.Tests.Infrastructure;

/// <summary>Builders for states, messages and commits, as the engine would make them.</summary>
public static class Episodes
{
    public static DateTime Now => DateTime.UtcNow;

    public static InstanceState Pending(string instanceId, string name = "Hello", string? input = null, string? executionId = null) => new()
    {
        InstanceId = instanceId,
        Name = name,
        ExecutionId = executionId ?? Guid.NewGuid().ToString("N"),
        Status = OrchestrationRuntimeStatus.Pending,
        Input = input,
        CreatedAt = Now,
        LastUpdatedAt = Now,
    };

    public static OrchestrationMessage Start(InstanceState state) => new(
        Guid.NewGuid().ToString("N"), state.InstanceId, state.ExecutionId,
        new ExecutionStartedEvent(state.Name, state.Input, state.ExecutionId) { Timestamp = Now });

    public static async Task<string> CreateAsync(IOrchestrationBackend backend, string instanceId, string? input = null)
    {
        InstanceState pending = Pending(instanceId, input: input);
        await backend.CreateInstanceAsync(pending, Start(pending));
        return pending.ExecutionId;
    }

    public static OrchestrationMessage Event(string instanceId, string name, string? input = null, DateTime? visibleAt = null, string? messageId = null) =>
        new(messageId ?? Guid.NewGuid().ToString("N"), instanceId, null, new EventRaisedEvent(name, input) { Timestamp = Now }) { VisibleAt = visibleAt };

    public static ActivityMessage Activity(OrchestrationWorkItem item, int taskId, string name = "SayHello", string? input = null) =>
        new(Guid.NewGuid().ToString("N"), item.InstanceId, ExecutionIdOf(item), taskId, name, input, 1, $"{item.InstanceId}:{taskId}");

    public static string ExecutionIdOf(OrchestrationWorkItem item) =>
        item.State?.ExecutionId
        ?? item.NewMessages.Select(m => m.Event).OfType<ExecutionStartedEvent>().First().ExecutionId;

    /// <summary>A commit that moves the instance to <paramref name="status"/> and appends the given events.</summary>
    public static OrchestrationCommit Commit(
        OrchestrationWorkItem item,
        OrchestrationRuntimeStatus status,
        IEnumerable<HistoryEvent>? events = null,
        IEnumerable<ActivityMessage>? activities = null,
        IEnumerable<OrchestrationMessage>? messages = null,
        string? output = null,
        string? customStatus = null)
    {
        InstanceState state = (item.State ?? Pending(item.InstanceId, executionId: ExecutionIdOf(item))) with
        {
            Status = status,
            Output = output,
            CustomStatus = customStatus,
            LastUpdatedAt = Now,
            CompletedAt = status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated ? Now : null,
        };
        List<HistoryEvent> history = [new OrchestratorStartedEvent { Timestamp = Now }];
        history.AddRange(item.NewMessages.Select(m => m.Event));
        history.AddRange(events ?? []);
        history.Add(new OrchestratorCompletedEvent { Timestamp = Now });
        return new OrchestrationCommit(state, history, ReplaceHistory: false, [.. activities ?? []], [.. messages ?? []]);
    }

    /// <summary>Locks the next work item or fails the test after <paramref name="seconds"/>.</summary>
    public static async Task<OrchestrationWorkItem> LockAsync(IOrchestrationBackend backend, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await backend.LockNextOrchestrationWorkItemAsync(timeout.Token)
            ?? throw new TimeoutException($"no orchestration work item within {seconds} s");
    }

    /// <summary>Locks the next work item, or null when none comes within <paramref name="seconds"/>.</summary>
    public static async Task<OrchestrationWorkItem?> TryLockAsync(IOrchestrationBackend backend, int seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await backend.LockNextOrchestrationWorkItemAsync(timeout.Token);
    }

    public static async Task<ActivityWorkItem> LockActivityAsync(IOrchestrationBackend backend, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await backend.LockNextActivityWorkItemAsync(timeout.Token)
            ?? throw new TimeoutException($"no activity work item within {seconds} s");
    }

    public static OrchestrationMessage Completed(ActivityMessage request, string? result) => new(
        Guid.NewGuid().ToString("N"), request.InstanceId, request.ExecutionId,
        new TaskCompletedEvent(request.TaskId, result) { Timestamp = Now });
}
