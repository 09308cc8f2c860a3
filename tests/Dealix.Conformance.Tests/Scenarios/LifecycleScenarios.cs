using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>Continue-as-new with carried events, suspend/resume, terminate with output, custom status.</summary>
public static class LifecycleScenarios
{
    public const string Collect = "Conformance.CollectAcrossGenerations";
    public const string WaitForGo = "Conformance.WaitForGo";
    public const string Stages = "Conformance.CustomStatusStages";

    /// <summary>WARNING: event names are stored in history.</summary>
    public const string Item = "Item";

    /// <summary>WARNING: event names are stored in history.</summary>
    public const string Go = "Go";

    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestrator<CollectOrchestrator>()
        .AddOrchestratorFunc<string>(WaitForGo, async context =>
        {
            context.SetCustomStatus("waiting");
            return await context.WaitForExternalEvent<string>(Go);
        })
        .AddOrchestratorFunc<string>(Stages, async context =>
        {
            context.SetCustomStatus(new StageStatus("drafting", 1));
            string decision = await context.WaitForExternalEvent<string>(Go);
            context.SetCustomStatus(new StageStatus(decision, 2));
            return decision;
        });

    /// <summary>
    /// What DurableTask.Core documents for <see cref="RunContinueAsNewAsync"/>: the two events the first generation
    /// did not take are carried over, one per generation. Microsoft's in-process host drops them (see
    /// <see cref="ReferenceDefects"/>), so engines are compared with this instead of with its outcome.
    /// </summary>
    public static ScenarioOutcome DocumentedContinueAsNewOutcome { get; } = new(
        OrchestrationRuntimeStatus.Completed, new JsonArray("a", "b", "c"), "generation 3", null, []);

    public static async Task<ScenarioOutcome> RunContinueAsNewAsync(ScenarioRun run) =>
        await run.OutcomeAsync(await StartCollectingAsync(run));

    /// <summary>Starts the collector and raises all three items while its first generation sleeps.</summary>
    public static async Task<string> StartCollectingAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(Collect, new CollectState([]));
        await run.WaitForCustomStatusAsync(id, "generation 1");
        foreach (string item in new[] { "a", "b", "c" })
        {
            await run.Client.RaiseEventAsync(id, Item, item);
        }

        return id;
    }

    public static async Task<ScenarioOutcome> RunSuspendResumeAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(WaitForGo, scenario: "Conformance.SuspendResume");
        await run.WaitForCustomStatusAsync(id, "waiting");
        await run.Client.SuspendInstanceAsync(id, "paused by the test");
        OrchestrationMetadata suspended = await run.WaitUntilAsync(id, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "Suspended");
        await run.Client.RaiseEventAsync(id, Go, "go after resume");

        // The only wait on the wall clock in the suite: time for a (wrongly) unsuspended engine to run the event.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        OrchestrationMetadata? stillSuspended = await run.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        await run.Client.ResumeInstanceAsync(id, "resumed by the test");
        return await run.OutcomeAsync(id, new JsonObject
        {
            ["afterSuspend"] = suspended.RuntimeStatus.ToString(),
            ["afterEventWhileSuspended"] = stillSuspended?.RuntimeStatus.ToString(),
            ["outputWhileSuspended"] = stillSuspended?.SerializedOutput,
        });
    }

    public static async Task<ScenarioOutcome> RunTerminateAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(WaitForGo, scenario: "Conformance.Terminate");
        await run.WaitForCustomStatusAsync(id, "waiting");
        await run.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = new TerminationNote("stopped by the test", 7) });
        return await run.OutcomeAsync(id);
    }

    public static async Task<ScenarioOutcome> RunCustomStatusAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(Stages);
        OrchestrationMetadata waiting = await run.WaitUntilAsync(id, i => i.SerializedCustomStatus is not null, "a custom status");
        await run.Client.RaiseEventAsync(id, Go, "approved");
        return await run.OutcomeAsync(id, new JsonObject
        {
            // Read back into the contract, so this checks values; the stored names are compared in CustomStatus.
            ["whileWaiting"] = JsonSerializer.SerializeToNode(waiting.ReadCustomStatusAs<StageStatus>()),
            ["statusWhileWaiting"] = waiting.RuntimeStatus.ToString(),
        });
    }

    public sealed record CollectState(List<string> Items);

    public sealed record StageStatus(string Stage, int Step);

    public sealed record TerminationNote(string Reason, int Code);

    /// <summary>
    /// Takes one <see cref="Item"/> per generation and continues as new until it has three. The first generation
    /// sleeps while the test raises all three, so two of them must be carried into later generations.
    /// </summary>
    [DurableTask(Collect)]
    public sealed class CollectOrchestrator : TaskOrchestrator<CollectState, List<string>>
    {
        public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, CollectState input)
        {
            context.SetCustomStatus($"generation {input.Items.Count + 1}");
            if (input.Items.Count == 0)
            {
                await context.CreateTimer(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            }

            string item = await context.WaitForExternalEvent<string>(Item);
            List<string> items = [.. input.Items, item];
            if (items.Count < 3)
            {
                context.ContinueAsNew(new CollectState(items), preserveUnprocessedEvents: true);
                return items;
            }

            return items;
        }
    }
}
