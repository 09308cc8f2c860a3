namespace Dealix.Runtime.Backend;

/// <summary>
/// A message to an orchestration instance: the history event it delivers, and for timers or delayed starts the
/// time before which it must not be delivered. Receivers de-duplicate by <see cref="MessageId"/>.
/// </summary>
/// <remarks>WARNING: persisted in queues and outboxes.</remarks>
/// <param name="MessageId">Unique id; the same message re-sent after a crash keeps its id.</param>
/// <param name="InstanceId">The target instance.</param>
/// <param name="ExecutionId">The target execution, or null for any (client requests, events).</param>
/// <param name="Event">The event to append to the target's history.</param>
public sealed record OrchestrationMessage(string MessageId, string InstanceId, string? ExecutionId, HistoryEvent Event)
{
    /// <summary>Not to be delivered before this time (UTC), when set.</summary>
    public DateTime? VisibleAt { get; init; }
}
