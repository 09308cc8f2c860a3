namespace Dealix.DurableTask;

/// <summary>
/// What an activity knows about its invocation. Activities run at least once, so side effects are keyed by
/// <see cref="IdempotencyKey"/>, which stays the same across retries and re-deliveries of one logical call.
/// </summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The orchestration instance that scheduled the activity.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The task id within the orchestration (of this attempt).</summary>
    public abstract int TaskId { get; }

    /// <summary>
    /// Stable for one logical call across retries and re-deliveries: instance id, execution (generation) and the
    /// task id of the first attempt. A continue-as-new or restart starts a new execution and so new keys.
    /// </summary>
    public abstract string IdempotencyKey { get; }

    /// <summary>The attempt number, 1 for the first attempt, incremented by each retry of the retry policy.</summary>
    public abstract int Attempt { get; }

    /// <summary>The instance version.</summary>
    public virtual string Version => string.Empty;
}
