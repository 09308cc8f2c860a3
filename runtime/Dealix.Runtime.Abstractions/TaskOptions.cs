namespace Dealix.DurableTask;

/// <summary>Options for scheduling an activity or sub-orchestration: retries and tags.</summary>
public record TaskOptions
{
    /// <summary>Creates options with an optional retry.</summary>
    public TaskOptions(TaskRetryOptions? retry = null, IDictionary<string, string>? tags = null)
    {
        Retry = retry;
        Tags = tags;
    }

    /// <summary>The retry policy or handler.</summary>
    public TaskRetryOptions? Retry { get; init; }

    /// <summary>Tags recorded with the scheduled task.</summary>
    public IDictionary<string, string>? Tags { get; init; }

    /// <summary>Options that retry by policy.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(TaskRetryOptions.FromRetryPolicy(policy));

    /// <summary>Options that retry by asynchronous handler.</summary>
    public static TaskOptions FromRetryHandler(AsyncRetryHandler handler) => new(TaskRetryOptions.FromRetryHandler(handler));

    /// <summary>Options that retry by handler.</summary>
    public static TaskOptions FromRetryHandler(RetryHandler handler) => new(TaskRetryOptions.FromRetryHandler(handler));

    /// <summary>Converts to sub-orchestration options with a fixed child instance id.</summary>
    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}
