namespace Dealix.Runtime.Client;

/// <summary>Helpers on <see cref="OrchestrationRuntimeStatus"/>.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True for Completed, Failed, Terminated and Canceled: the instance will not run again by itself.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or
#pragma warning disable CS0618 // Canceled is obsolete in the SDK, but an instance in it (from an older store) has still ended.
        OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;
#pragma warning restore CS0618
}
