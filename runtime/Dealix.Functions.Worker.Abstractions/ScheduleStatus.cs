namespace Dealix.Azure.Functions.Worker;

/// <summary>The persisted state of a timer schedule.</summary>
/// <remarks>WARNING: persisted as JSON by the schedule monitor; property names are the storage format.</remarks>
public class ScheduleStatus
{
    /// <summary>The occurrence that last ran.</summary>
    public DateTime Last { get; set; }

    /// <summary>The occurrence expected next.</summary>
    public DateTime Next { get; set; }

    /// <summary>When this status was written.</summary>
    public DateTime LastUpdated { get; set; }
}
