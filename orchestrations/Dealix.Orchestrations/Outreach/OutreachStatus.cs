namespace Dealix.Orchestrations.Outreach;

/// <summary>Statuses of an outreach run (orchestration outputs).</summary>
// WARNING: persisted in history.
public static class OutreachStatus
{
    /// <summary>The run did its work.</summary>
    public const string Completed = "completed";

    /// <summary>The kill switch (or the tenant's incident freeze) was on: nothing was done (§17.8).</summary>
    public const string SkippedPaused = "skipped: paused";
}
