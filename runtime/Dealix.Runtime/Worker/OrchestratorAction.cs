using Dealix.Runtime.Backend;

namespace Dealix.Runtime.Worker;

/// <summary>A durable call the orchestrator code made, identified by its sequence number (task id).</summary>
internal abstract record OrchestratorAction(int Id)
{
    /// <summary>True once the history has confirmed this action (recorded in an earlier episode).</summary>
    public bool Recorded { get; set; }

    /// <summary>How the action reads in a nondeterminism message.</summary>
    public abstract string Describe();

    /// <summary>True when <paramref name="recorded"/> is the history event of this very action.</summary>
    public abstract bool Matches(HistoryEvent recorded);

    /// <summary>The history event that records this action.</summary>
    public abstract HistoryEvent ToHistoryEvent(DateTime timestamp);

    /// <summary>How a recorded event reads in a nondeterminism message.</summary>
    public static string DescribeRecorded(HistoryEvent recorded) => recorded switch
    {
        TaskScheduledEvent t => $"activity '{t.Name}'",
        SubOrchestrationInstanceCreatedEvent s => $"sub-orchestration '{s.Name}'",
        TimerCreatedEvent t => $"a timer (fire at {t.FireAt:O})",
        EventSentEvent e => $"event '{e.Name}' sent to '{e.InstanceId}'",
        _ => recorded.GetType().Name,
    };
}

/// <summary>Schedule an activity attempt.</summary>
internal sealed record ScheduleTaskAction(int Id, string Name, string? Input, int Attempt, int FirstAttemptId) : OrchestratorAction(Id)
{
    public override string Describe() => $"scheduled activity '{Name}'";

    public override bool Matches(HistoryEvent recorded) =>
        recorded is TaskScheduledEvent t && string.Equals(t.Name, Name, StringComparison.OrdinalIgnoreCase);

    public override HistoryEvent ToHistoryEvent(DateTime timestamp) =>
        new TaskScheduledEvent(Name, Input, Attempt, FirstAttemptId) { EventId = Id, Timestamp = timestamp };
}

/// <summary>Start a sub-orchestration.</summary>
internal sealed record CreateSubOrchestrationAction(int Id, string Name, string InstanceId, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"started sub-orchestration '{Name}'";

    public override bool Matches(HistoryEvent recorded) =>
        recorded is SubOrchestrationInstanceCreatedEvent s && string.Equals(s.Name, Name, StringComparison.OrdinalIgnoreCase);

    public override HistoryEvent ToHistoryEvent(DateTime timestamp) =>
        new SubOrchestrationInstanceCreatedEvent(Name, InstanceId, Input) { EventId = Id, Timestamp = timestamp };
}

/// <summary>Create a durable timer.</summary>
internal sealed record CreateTimerAction(int Id, DateTime FireAt) : OrchestratorAction(Id)
{
    public override string Describe() => $"created a timer (fire at {FireAt:O})";

    public override bool Matches(HistoryEvent recorded) => recorded is TimerCreatedEvent;

    public override HistoryEvent ToHistoryEvent(DateTime timestamp) =>
        new TimerCreatedEvent(FireAt) { EventId = Id, Timestamp = timestamp };
}

/// <summary>Send an event to another instance.</summary>
internal sealed record SendEventAction(int Id, string TargetInstanceId, string Name, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"sent event '{Name}' to '{TargetInstanceId}'";

    public override bool Matches(HistoryEvent recorded) =>
        recorded is EventSentEvent e && string.Equals(e.Name, Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(e.InstanceId, TargetInstanceId, StringComparison.Ordinal);

    public override HistoryEvent ToHistoryEvent(DateTime timestamp) =>
        new EventSentEvent(TargetInstanceId, Name, Input) { EventId = Id, Timestamp = timestamp };
}
