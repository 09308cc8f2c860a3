using Dealix.Conformance.Tests.Scenarios;

namespace Dealix.Conformance.Tests;

/// <summary>
/// Where Microsoft's in-process test host (0.2.3-preview.1, built from durabletask-dotnet 28d93770) departs from
/// what DurableTask.Core documents, pinned so the suite notices when a new package fixes it: then the helper fails,
/// the scenario goes back to comparing with the host, and the entry here is deleted.
/// </summary>
public static class ReferenceDefects
{
    /// <summary>
    /// ContinueAsNew(preserveUnprocessedEvents: true) on the host: the 1.28 worker re-sends unprocessed events to the
    /// instance itself, and the host's dispatcher clears those messages with the old generation, so the second
    /// generation waits forever. Fixed upstream after the package ("Self-targeted external events emitted during
    /// ContinueAsNew … must be carried into the new runtime state", TaskOrchestrationDispatcher, durabletask-dotnet 9842ef51).
    /// </summary>
    public static async Task AssertContinueAsNewDropsCarriedEventsAsync(ScenarioRun run)
    {
        string id = await LifecycleScenarios.StartCollectingAsync(run);
        await run.WaitForCustomStatusAsync(id, "generation 2");

        // Long enough for the carried "b" to be taken had it been kept: the second generation has no timer.
        await Task.Delay(TimeSpan.FromSeconds(2));
        OrchestrationMetadata? stuck = await run.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        await run.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "cleanup" });
        Assert.NotNull(stuck);
        Assert.Equal(OrchestrationRuntimeStatus.Running, stuck.RuntimeStatus);
        Assert.Equal("""{"Items":["a"]}""", stuck.SerializedInput);
        Assert.Equal("\"generation 2\"", stuck.SerializedCustomStatus);
    }
}
