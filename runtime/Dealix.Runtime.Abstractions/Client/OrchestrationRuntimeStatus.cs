namespace Dealix.DurableTask.Client;

/// <summary>The runtime status of an orchestration instance. Numeric values match Durable Functions.</summary>
/// <remarks>WARNING: stored by name in instance rows.</remarks>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Running (started and not finished).</summary>
    Running = 0,

    /// <summary>Finished with an output.</summary>
    Completed = 1,

    /// <summary>Restarted itself with new input (transient).</summary>
    ContinuedAsNew = 2,

    /// <summary>Finished with an unhandled failure.</summary>
    Failed = 3,

    /// <summary>Canceled (unused, kept for parity).</summary>
    Canceled = 4,

    /// <summary>Stopped by a terminate request.</summary>
    Terminated = 5,

    /// <summary>Scheduled, not yet started.</summary>
    Pending = 6,

    /// <summary>Halted by a suspend request until resumed.</summary>
    Suspended = 7,
}
