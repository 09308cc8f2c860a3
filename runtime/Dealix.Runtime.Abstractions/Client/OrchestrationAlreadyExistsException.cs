namespace Dealix.DurableTask.Client;

/// <summary>Thrown when starting an instance id that is still Pending, Running or Suspended.</summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
        : base($"An orchestration with instance id '{instanceId}' already exists and is {status}; it must end before the id can be reused.")
    {
        InstanceId = instanceId;
        Status = status;
    }

    /// <summary>Creates the exception.</summary>
    public OrchestrationAlreadyExistsException()
        : base("The orchestration already exists.")
    {
        InstanceId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public OrchestrationAlreadyExistsException(string message)
        : base(message)
    {
        InstanceId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public OrchestrationAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
        InstanceId = string.Empty;
    }

    /// <summary>The id that is taken.</summary>
    public string InstanceId { get; }

    /// <summary>Its current status.</summary>
    public OrchestrationRuntimeStatus Status { get; }
}
