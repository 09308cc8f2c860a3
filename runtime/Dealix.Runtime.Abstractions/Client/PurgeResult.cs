namespace Dealix.DurableTask.Client;

/// <summary>How many instances a purge removed.</summary>
public sealed class PurgeResult
{
    /// <summary>Creates a result.</summary>
    public PurgeResult(int count, bool? isComplete = null)
    {
        PurgedInstanceCount = count;
        IsComplete = isComplete;
    }

    /// <summary>Instances removed.</summary>
    public int PurgedInstanceCount { get; }

    /// <summary>True when all matching instances were purged; false when the purge should be repeated.</summary>
    public bool? IsComplete { get; }
}
