namespace Dealix.DurableTask;

/// <summary>Options for <see cref="TaskOrchestrationContext.ContinueAsNew(ContinueAsNewOptions)"/>.</summary>
public sealed class ContinueAsNewOptions
{
    /// <summary>The input of the new generation.</summary>
    public object? NewInput { get; set; }

    /// <summary>Whether external events not yet consumed are carried into the new generation (default true).</summary>
    public bool PreserveUnprocessedEvents { get; set; } = true;

    /// <summary>An optional new version for the instance.</summary>
    public string? NewVersion { get; set; }
}
