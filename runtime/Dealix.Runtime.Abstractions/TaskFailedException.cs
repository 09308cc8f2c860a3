namespace Dealix.DurableTask;

/// <summary>
/// Thrown into orchestrator code when an activity or sub-orchestration it awaited failed.
/// <see cref="FailureDetails"/> carries the remote failure (type, message, stack, inner failure).
/// </summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception from failure details.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>Creates the exception from a local exception.</summary>
    public TaskFailedException(string taskName, int taskId, Exception innerException)
        : this(taskName, taskId, TaskFailureDetails.FromException(innerException))
    {
    }

    /// <summary>The failed activity or orchestrator name.</summary>
    public string TaskName { get; }

    /// <summary>The id of the failed task within the orchestration.</summary>
    public int TaskId { get; }

    /// <summary>What went wrong.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
