namespace Dealix.DurableTask.Worker;

/// <summary>Concurrency and behaviour settings of a <see cref="DurableTaskWorker"/>.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Episodes run at once (host.json <c>maxConcurrentOrchestratorFunctions</c>).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Activities run at once (host.json <c>maxConcurrentActivityFunctions</c>).</summary>
    public int MaxConcurrentActivities { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>The payload converter.</summary>
    public DataConverter DataConverter { get; set; } = JsonDataConverter.Default;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (MaxConcurrentOrchestrations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentOrchestrations), MaxConcurrentOrchestrations, "Must be at least 1.");
        }

        if (MaxConcurrentActivities < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentActivities), MaxConcurrentActivities, "Must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(DataConverter);
    }
}
