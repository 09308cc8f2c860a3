using Dealix.Runtime.Backend;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Runtime.Tests;

/// <summary>
/// Events a generation did not take are older than any event raised after it ended. A backend may deliver the new
/// generation's start together with such a later event, or before the carried ones: the carried events must still
/// come first, in the order they were raised (the conformance suite saw ["a","c","b"] on Azurite before this).
/// </summary>
public sealed class ContinueAsNewOrderingTests
{
    private const string Collector = "Collector";

    [Fact]
    public void FirstEpisode_CarriedEventsComeBeforeEventsRaisedLater()
    {
        EpisodeProcessor episodes = NewProcessor();
        var state = new InstanceState { InstanceId = "i", Name = Collector, ExecutionId = "gen2", Status = OrchestrationRuntimeStatus.Running };
        var start = new ExecutionStartedEvent(Collector, "[\"a\"]", "gen2")
        {
            CarriedEvents = [new EventRaisedEvent("Item", "\"b\""), new EventRaisedEvent("Item", "\"c\"")],
        };

        // The later event reaches the queue before the start does.
        OrchestrationCommit commit = episodes.Process(new OrchestrationWorkItem("i", state, [], [
            new OrchestrationMessage("late", "i", null, new EventRaisedEvent("Item", "\"d\"")),
            new OrchestrationMessage("i|gen2|start", "i", "gen2", start),
        ]));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, commit.State.Status);
        Assert.Equal("[\"a\",\"b\",\"c\",\"d\"]", commit.State.Output);
        ExecutionStartedEvent recorded = Assert.Single(commit.NewHistory.OfType<ExecutionStartedEvent>());
        Assert.Null(recorded.CarriedEvents);
        Assert.Equal(["\"b\"", "\"c\"", "\"d\""], commit.NewHistory.OfType<EventRaisedEvent>().Select(e => e.Input));
    }

    [Fact]
    public void ContinueAsNew_CarriesUntakenEventsInsideTheStartMessage()
    {
        EpisodeProcessor episodes = NewProcessor(takeAtMost: 1);
        var start = new ExecutionStartedEvent(Collector, "[]", "gen1");

        OrchestrationCommit commit = episodes.Process(new OrchestrationWorkItem("i", null, [], [
            new OrchestrationMessage("i|gen1|start", "i", "gen1", start),
            new OrchestrationMessage("e1", "i", null, new EventRaisedEvent("Item", "\"a\"")),
            new OrchestrationMessage("e2", "i", null, new EventRaisedEvent("Item", "\"b\"")),
            new OrchestrationMessage("e3", "i", null, new EventRaisedEvent("Item", "\"c\"")),
        ]));

        OrchestrationMessage next = Assert.Single(commit.OrchestratorMessages);
        ExecutionStartedEvent nextStart = Assert.IsType<ExecutionStartedEvent>(next.Event);
        Assert.Equal("[\"a\"]", nextStart.Input);
        Assert.Equal(["\"b\"", "\"c\""], nextStart.CarriedEvents!.Select(e => e.Input));
    }

    /// <summary>A collector that takes one event per generation until it has four (or <paramref name="takeAtMost"/>).</summary>
    private static EpisodeProcessor NewProcessor(int takeAtMost = 4)
    {
        var registry = new DurableTaskRegistry();
        registry.AddOrchestratorFunc<List<string>, List<string>>(Collector, async (context, items) =>
        {
            while (items.Count < 4)
            {
                items.Add(await context.WaitForExternalEvent<string>("Item"));
                if (items.Count >= takeAtMost && items.Count < 4)
                {
                    context.ContinueAsNew(items, preserveUnprocessedEvents: true);
                    return items;
                }
            }

            return items;
        });

        return new EpisodeProcessor(
            new TaskCatalog(registry), new ServiceCollection().BuildServiceProvider(), WebJsonDataConverter.Default,
            NullLoggerFactory.Instance, TimeProvider.System);
    }
}
