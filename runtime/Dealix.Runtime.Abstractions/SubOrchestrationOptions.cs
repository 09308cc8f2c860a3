namespace Dealix.DurableTask;

/// <summary>Options for a sub-orchestration, including its instance id.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    /// <summary>Creates options.</summary>
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    /// <summary>Copies task options and sets the instance id.</summary>
    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options?.Retry, options?.Tags)
    {
        InstanceId = instanceId;
    }

    /// <summary>The child instance id; a replay-safe id is generated when null.</summary>
    public string? InstanceId { get; init; }
}
