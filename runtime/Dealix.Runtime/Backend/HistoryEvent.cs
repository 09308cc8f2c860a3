using System.Text.Json.Serialization;

namespace Dealix.Runtime.Backend;

/// <summary>
/// One event in an instance's history. The history is the instance's truth: the executor replays it to rebuild
/// the orchestrator's state, and backends store it verbatim.
/// </summary>
/// <remarks>WARNING: persisted. Type discriminators and member names are part of the storage format.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecutionStartedEvent), "ExecutionStarted")]
[JsonDerivedType(typeof(OrchestratorStartedEvent), "OrchestratorStarted")]
[JsonDerivedType(typeof(OrchestratorCompletedEvent), "OrchestratorCompleted")]
[JsonDerivedType(typeof(TaskScheduledEvent), "TaskScheduled")]
[JsonDerivedType(typeof(TaskCompletedEvent), "TaskCompleted")]
[JsonDerivedType(typeof(TaskFailedEvent), "TaskFailed")]
[JsonDerivedType(typeof(SubOrchestrationInstanceCreatedEvent), "SubOrchestrationInstanceCreated")]
[JsonDerivedType(typeof(SubOrchestrationInstanceCompletedEvent), "SubOrchestrationInstanceCompleted")]
[JsonDerivedType(typeof(SubOrchestrationInstanceFailedEvent), "SubOrchestrationInstanceFailed")]
[JsonDerivedType(typeof(TimerCreatedEvent), "TimerCreated")]
[JsonDerivedType(typeof(TimerFiredEvent), "TimerFired")]
[JsonDerivedType(typeof(EventSentEvent), "EventSent")]
[JsonDerivedType(typeof(EventRaisedEvent), "EventRaised")]
[JsonDerivedType(typeof(ExecutionCompletedEvent), "ExecutionCompleted")]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), "ExecutionTerminated")]
[JsonDerivedType(typeof(ExecutionSuspendedEvent), "ExecutionSuspended")]
[JsonDerivedType(typeof(ExecutionResumedEvent), "ExecutionResumed")]
public abstract record HistoryEvent
{
    /// <summary>For events that record an action of the orchestrator, the action's task id; otherwise -1.</summary>
    public int EventId { get; init; } = -1;

    /// <summary>When the event was recorded (UTC).</summary>
    public DateTime Timestamp { get; init; }
}

/// <summary>Where a sub-orchestration reports back to.</summary>
/// <param name="Name">The parent orchestrator name.</param>
/// <param name="InstanceId">The parent instance id.</param>
/// <param name="ExecutionId">The parent execution that is waiting.</param>
/// <param name="TaskScheduledId">The task id of the call in the parent.</param>
public sealed record ParentInstanceInfo(string Name, string InstanceId, string ExecutionId, int TaskScheduledId);

/// <summary>The first event of every execution (generation) of an instance.</summary>
public sealed record ExecutionStartedEvent(
    string Name,
    string? Input,
    string ExecutionId,
    ParentInstanceInfo? Parent = null,
    DateTime? ScheduledStartTime = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    string? Version = null) : HistoryEvent
{
    /// <summary>The W3C trace parent of whoever started the execution, continued by its episodes and activities.</summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// Events the previous generation did not take, carried over by a continue-as-new. They travel inside the start
    /// message so that the new generation sees them before any event raised later, in the order they were raised.
    /// </summary>
    public IReadOnlyList<EventRaisedEvent>? CarriedEvents { get; init; }
}

/// <summary>Marks the start of an episode; its timestamp is the orchestration's "now" from there on.</summary>
public sealed record OrchestratorStartedEvent : HistoryEvent;

/// <summary>Marks the end of an episode.</summary>
public sealed record OrchestratorCompletedEvent : HistoryEvent;

/// <summary>The orchestrator scheduled an activity (EventId = task id).</summary>
/// <param name="Name">Activity name.</param>
/// <param name="Input">Serialized input.</param>
/// <param name="Attempt">1 for the first attempt; incremented by each retry.</param>
/// <param name="FirstAttemptId">Task id of the first attempt of this logical call (the idempotency key's id).</param>
public sealed record TaskScheduledEvent(string Name, string? Input, int Attempt = 1, int FirstAttemptId = -1) : HistoryEvent;

/// <summary>An activity completed.</summary>
public sealed record TaskCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent;

/// <summary>An activity failed.</summary>
public sealed record TaskFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;

/// <summary>The orchestrator started a sub-orchestration (EventId = task id).</summary>
public sealed record SubOrchestrationInstanceCreatedEvent(string Name, string InstanceId, string? Input) : HistoryEvent;

/// <summary>A sub-orchestration completed.</summary>
public sealed record SubOrchestrationInstanceCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent;

/// <summary>A sub-orchestration failed (or was terminated).</summary>
public sealed record SubOrchestrationInstanceFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;

/// <summary>The orchestrator created a durable timer (EventId = task id).</summary>
public sealed record TimerCreatedEvent(DateTime FireAt) : HistoryEvent;

/// <summary>A durable timer fired.</summary>
public sealed record TimerFiredEvent(int TimerId, DateTime FireAt) : HistoryEvent;

/// <summary>The orchestrator sent an event to another instance (EventId = task id).</summary>
public sealed record EventSentEvent(string InstanceId, string Name, string? Input) : HistoryEvent;

/// <summary>An external event arrived.</summary>
public sealed record EventRaisedEvent(string Name, string? Input) : HistoryEvent
{
    /// <summary>The W3C trace parent of whoever raised the event; the episode it wakes links to it.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>The execution ended: Completed, Failed or ContinuedAsNew.</summary>
public sealed record ExecutionCompletedEvent(OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? FailureDetails = null) : HistoryEvent;

/// <summary>A terminate request.</summary>
public sealed record ExecutionTerminatedEvent(string? Input) : HistoryEvent;

/// <summary>A suspend request.</summary>
public sealed record ExecutionSuspendedEvent(string? Reason) : HistoryEvent;

/// <summary>A resume request.</summary>
public sealed record ExecutionResumedEvent(string? Reason) : HistoryEvent;
