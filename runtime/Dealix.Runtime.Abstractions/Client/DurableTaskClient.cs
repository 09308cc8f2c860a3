namespace Dealix.DurableTask.Client;

/// <summary>
/// Starts, queries and controls orchestration instances. Mirrors <c>Microsoft.DurableTask.Client.DurableTaskClient</c>.
/// </summary>
public abstract class DurableTaskClient : IAsyncDisposable
{
    /// <summary>Creates a client.</summary>
    protected DurableTaskClient(string name)
    {
        Name = name;
    }

    /// <summary>The client (task hub) name.</summary>
    public string Name { get; }

    /// <summary>
    /// Schedules a new instance and returns its id (a new GUID, format "N", when none is given). Refuses an unknown
    /// orchestrator, an invalid id, input that cannot be serialized, and an id whose instance has not ended
    /// (<see cref="OrchestrationAlreadyExistsException"/>); an ended instance with the same id is replaced.
    /// </summary>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Schedules a new instance without input.</summary>
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, CancellationToken cancellation) =>
        ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, null, cancellation);

    /// <summary>Schedules a new instance.</summary>
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input, CancellationToken cancellation) =>
        ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, null, cancellation);

    /// <summary>Schedules a new instance without input.</summary>
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, StartOrchestrationOptions options, CancellationToken cancellation = default) =>
        ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, options, cancellation);

    /// <summary>Raises an event; silently discarded for ended or unknown instances.</summary>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    /// <summary>Raises an event without payload.</summary>
    public virtual Task RaiseEventAsync(string instanceId, string eventName, CancellationToken cancellation) =>
        RaiseEventAsync(instanceId, eventName, null, cancellation);

    /// <summary>Waits until the instance has left Pending.</summary>
    public abstract Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Waits until the instance has left Pending.</summary>
    public virtual Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, CancellationToken cancellation) =>
        WaitForInstanceStartAsync(instanceId, false, cancellation);

    /// <summary>Waits until the instance is Completed, Failed or Terminated.</summary>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Waits until the instance is Completed, Failed or Terminated.</summary>
    public virtual Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellation) =>
        WaitForInstanceCompletionAsync(instanceId, false, cancellation);

    /// <summary>Terminates an instance; a no-op for ended or unknown instances.</summary>
    public abstract Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Terminates an instance with an output.</summary>
    public virtual Task TerminateInstanceAsync(string instanceId, object? output, CancellationToken cancellation = default) =>
        TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(output), cancellation);

    /// <summary>Terminates an instance.</summary>
    public virtual Task TerminateInstanceAsync(string instanceId, CancellationToken cancellation) =>
        TerminateInstanceAsync(instanceId, (TerminateInstanceOptions?)null, cancellation);

    /// <summary>Suspends a running instance until it is resumed.</summary>
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Suspends a running instance.</summary>
    public virtual Task SuspendInstanceAsync(string instanceId, CancellationToken cancellation) =>
        SuspendInstanceAsync(instanceId, null, cancellation);

    /// <summary>Resumes a suspended instance.</summary>
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Resumes a suspended instance.</summary>
    public virtual Task ResumeInstanceAsync(string instanceId, CancellationToken cancellation) =>
        ResumeInstanceAsync(instanceId, null, cancellation);

    /// <summary>The instance's metadata, or null when unknown.</summary>
    public virtual Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <summary>The instance's metadata, or null when unknown.</summary>
    public virtual Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellation) =>
        GetInstanceAsync(instanceId, false, cancellation);

    /// <summary>The instance's metadata, or null when unknown (the member implementers override).</summary>
    public abstract Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Instances matching a filter, paged.</summary>
    public abstract AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null);

    /// <summary>Deletes an ended instance and its history; returns 0 for running or unknown instances.</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Deletes an ended instance and its history.</summary>
    public virtual Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation) =>
        PurgeInstanceAsync(instanceId, null, cancellation);

    /// <summary>Deletes ended instances matching a filter.</summary>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Deletes ended instances matching a filter.</summary>
    public virtual Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation) =>
        PurgeAllInstancesAsync(filter, null, cancellation);

    /// <summary>
    /// Runs an instance again with its original input, under the same id (a running one is terminated first) or a
    /// new one. Throws <see cref="ArgumentException"/> for an unknown instance.
    /// </summary>
    public abstract Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
