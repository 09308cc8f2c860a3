using Dealix.Runtime.Backend;

namespace Dealix.Runtime.Worker;

/// <summary>What one episode of orchestrator execution produced.</summary>
internal sealed class EpisodeOutcome
{
    /// <summary>Running, Suspended, Completed, Failed, Terminated or ContinuedAsNew.</summary>
    public OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>Serialized output (Completed), or terminate output (Terminated).</summary>
    public string? Output { get; init; }

    /// <summary>Why it failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>The new events that were applied (and so belong in history), in order.</summary>
    public required IReadOnlyList<HistoryEvent> AppliedEvents { get; init; }

    /// <summary>Durable calls the code made that the history does not hold yet.</summary>
    public required IReadOnlyList<OrchestratorAction> NewActions { get; init; }

    /// <summary>True when the code set its custom status in this episode's run.</summary>
    public bool CustomStatusSet { get; init; }

    /// <summary>The custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>For ContinuedAsNew: the next execution's input.</summary>
    public string? ContinueAsNewInput { get; init; }

    /// <summary>For ContinuedAsNew: events carried into the next execution.</summary>
    public IReadOnlyList<EventRaisedEvent> CarriedEvents { get; init; } = [];

    /// <summary>The execution id the history belongs to.</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The orchestrator name from the history.</summary>
    public required string OrchestratorName { get; init; }

    /// <summary>The parent, for sub-orchestrations.</summary>
    public ParentInstanceInfo? Parent { get; init; }
}
