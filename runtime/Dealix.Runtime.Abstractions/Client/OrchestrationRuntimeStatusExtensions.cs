namespace Dealix.DurableTask.Client;

/// <summary>Helpers on <see cref="OrchestrationRuntimeStatus"/>.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True for Completed, Failed, Terminated and Canceled: the instance will not run again by itself.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or
        OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;
}
