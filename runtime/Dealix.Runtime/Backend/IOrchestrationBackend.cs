namespace Dealix.Runtime.Backend;

/// <summary>
/// Durable storage and transport for a task hub. The worker and client are written against this interface only;
/// the in-memory backend serves tests and the Azure Storage backend serves production.
/// </summary>
/// <remarks>
/// Contract every backend keeps:
/// <list type="bullet">
/// <item>At most one orchestration work item per instance is outstanding; messages that arrive meanwhile wait for the next.</item>
/// <item><see cref="CompleteOrchestrationWorkItemAsync"/> is atomic: state, history and outbound messages are all stored, and the
/// work item's messages consumed, or nothing is. A stale work item (the instance changed underneath) throws
/// <see cref="WorkItemLostException"/> and changes nothing.</item>
/// <item>Messages are delivered at least once and never before <see cref="OrchestrationMessage.VisibleAt"/>.</item>
/// <item>A message for an instance that does not exist is dropped, except <see cref="ExecutionStartedEvent"/>, which creates it.</item>
/// </list>
/// </remarks>
public interface IOrchestrationBackend : IAsyncDisposable
{
    /// <summary>The task hub name.</summary>
    string TaskHubName { get; }

    /// <summary>Creates the hub's resources if they do not exist.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellation = default);

    /// <summary>Deletes the hub and everything in it.</summary>
    Task DeleteAsync(CancellationToken cancellation = default);

    /// <summary>
    /// Creates (or replaces an ended) instance as Pending and enqueues its start message, atomically. Throws
    /// <see cref="DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException"/> when the id belongs to an instance that has not ended.
    /// </summary>
    Task CreateInstanceAsync(InstanceState pending, OrchestrationMessage startMessage, CancellationToken cancellation = default);

    /// <summary>Sends a message to an instance (dropped later if the instance does not exist).</summary>
    Task SendMessageAsync(OrchestrationMessage message, CancellationToken cancellation = default);

    /// <summary>An instance's state, or null.</summary>
    Task<InstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>One page of instances matching a filter, ordered by instance id.</summary>
    Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, CancellationToken cancellation = default);

    /// <summary>The history of an instance's current execution (empty when unknown).</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Deletes an ended instance with its history and payloads; false when unknown or not ended.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Deletes ended instances matching a filter; returns how many.</summary>
    Task<int> PurgeInstancesAsync(InstanceFilter filter, CancellationToken cancellation = default);

    /// <summary>Waits for and locks the next instance with deliverable messages; null when cancelled.</summary>
    Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellation);

    /// <summary>Commits an episode atomically (see the interface remarks) and releases the instance.</summary>
    Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellation = default);

    /// <summary>Releases the instance without consuming its messages (they are delivered again).</summary>
    Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, CancellationToken cancellation = default);

    /// <summary>Waits for and locks the next activity request; null when cancelled.</summary>
    Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellation);

    /// <summary>Delivers the activity's result to its orchestration and consumes the request, atomically or idempotently.</summary>
    Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, OrchestrationMessage response, CancellationToken cancellation = default);

    /// <summary>Releases an activity request for another attempt at delivery.</summary>
    Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellation = default);
}
