namespace Dealix.Runtime.Backend;

/// <summary>
/// One instance locked for one episode: its stored state and history and the messages that arrived for it.
/// Only one work item per instance is outstanding at a time.
/// </summary>
public sealed class OrchestrationWorkItem
{
    /// <summary>Creates a work item.</summary>
    public OrchestrationWorkItem(string instanceId, InstanceState? state, IReadOnlyList<HistoryEvent> history, IReadOnlyList<OrchestrationMessage> newMessages)
    {
        InstanceId = instanceId;
        State = state;
        History = history;
        NewMessages = newMessages;
    }

    /// <summary>The instance.</summary>
    public string InstanceId { get; }

    /// <summary>The stored state, or null when the instance does not exist yet.</summary>
    public InstanceState? State { get; }

    /// <summary>The stored history of the current execution.</summary>
    public IReadOnlyList<HistoryEvent> History { get; }

    /// <summary>Messages to process in this episode (all are consumed when the episode commits).</summary>
    public IReadOnlyList<OrchestrationMessage> NewMessages { get; }

    /// <summary>Backend bookkeeping (ETags, leases, receipts).</summary>
    public object? BackendState { get; init; }
}
