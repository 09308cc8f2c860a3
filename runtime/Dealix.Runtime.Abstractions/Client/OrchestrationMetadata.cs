namespace Dealix.DurableTask.Client;

/// <summary>The state of one orchestration instance as a client sees it.</summary>
public sealed class OrchestrationMetadata
{
    /// <summary>Creates metadata.</summary>
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    /// <summary>The orchestrator name.</summary>
    public string Name { get; }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Serialized input (only when fetched with inputs and outputs).</summary>
    public string? SerializedInput { get; init; }

    /// <summary>Serialized output (only when fetched with inputs and outputs).</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>Serialized custom status (only when fetched with inputs and outputs).</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Tags given at start.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Why the instance failed, when it did.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>The converter for the serialized fields; set only when inputs and outputs were fetched.</summary>
    public DataConverter? DataConverter { get; init; }

    /// <summary>True when Running.</summary>
    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    /// <summary>True when Completed, Failed or Terminated.</summary>
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    /// <summary>Reads the input.</summary>
    public T? ReadInputAs<T>() => Read<T>(SerializedInput);

    /// <summary>Reads the output.</summary>
    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);

    /// <summary>Reads the custom status.</summary>
    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    private T? Read<T>(string? data)
    {
        if (DataConverter is null)
        {
            throw new InvalidOperationException("Inputs and outputs were not fetched: ask with getInputsAndOutputs: true.");
        }

        return DataConverter.Deserialize<T>(data);
    }
}
