
namespace Dealix.Runtime.Backend;

/// <summary>The queryable state of an instance (the "instance row").</summary>
/// <remarks>WARNING: persisted.</remarks>
public sealed record InstanceState
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>The current execution (changes on continue-as-new and restart).</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>Serialized input of the current execution.</summary>
    public string? Input { get; init; }

    /// <summary>Serialized output (or terminate reason).</summary>
    public string? Output { get; init; }

    /// <summary>Serialized custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Why it failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTime LastUpdatedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTime? CompletedAt { get; init; }

    /// <summary>Its parent, when a sub-orchestration.</summary>
    public ParentInstanceInfo? Parent { get; init; }

    /// <summary>Tags given at start.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Scheduled start time, for a delayed start.</summary>
    public DateTime? ScheduledStartTime { get; init; }
}
