namespace Dealix.DurableTask.Client;

/// <summary>How to start an instance: its id, a delayed start, tags.</summary>
/// <param name="InstanceId">The instance id (a new GUID when null).</param>
/// <param name="StartAt">Start no earlier than this.</param>
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
{
    /// <summary>Tags stored with the instance.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
