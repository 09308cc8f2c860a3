namespace Dealix.Runtime.Worker;

/// <summary>Concurrency and behaviour settings of a <see cref="DurableTaskWorker"/>.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Episodes run at once (host.json <c>maxConcurrentOrchestratorFunctions</c>).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Activities run at once (host.json <c>maxConcurrentActivityFunctions</c>).</summary>
    public int MaxConcurrentActivities { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>
    /// Run the activities an episode schedules in this process, before the episode commits, when this worker has them
    /// registered (default true). A chain of activities then costs one commit instead of a queue round trip per step;
    /// history is the same as if each step were its own episode, and a crash re-runs the steps with the same idempotency
    /// keys. Turn it off to force every activity through the backend's queues.
    /// </summary>
    public bool InlineActivities { get; set; } = true;

    /// <summary>Rounds of in-process activities per episode before it commits regardless (default 32).</summary>
    public int MaxInlineRounds { get; set; } = 32;

    /// <summary>A round scheduling more activities than this sends them through the backend instead (default 1,000).</summary>
    public int MaxInlineActivitiesPerRound { get; set; } = 1000;

    /// <summary>The payload converter.</summary>
    public DataConverter DataConverter { get; set; } = WebJsonDataConverter.Default;

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

        if (MaxInlineRounds < 0 || MaxInlineActivitiesPerRound < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInlineRounds), "Inline limits must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(DataConverter);
    }
}
