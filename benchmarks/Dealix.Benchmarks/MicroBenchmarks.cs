using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.DurableTask;
using Dealix.Runtime.Backend;
using Microsoft.DurableTask.Client;
using Dealix.Runtime;
using Dealix.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Benchmarks;

/// <summary>The engine's hot in-process paths: replaying a long history and serialising an episode.</summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private readonly DurableTaskRegistry _registry = new DurableTaskRegistry().AddOrchestratorFunc<int, int>("Loop", async (context, n) =>
    {
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            total += await context.CallActivityAsync<int>("Step", i);
        }

        return total;
    });

    private readonly IServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private List<HistoryEvent> _history = [];
    private List<HistoryEvent> _episode = [];

    [GlobalSetup]
    public void Setup()
    {
        // A completed history of 1,000+ events: 250 activities, each scheduled and completed in its own episode.
        var start = new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc);
        const int steps = 250;
        _history =
        [
            new OrchestratorStartedEvent { Timestamp = start },
            new ExecutionStartedEvent("Loop", "250", "e1") { Timestamp = start },
        ];
        for (int i = 0; i < steps; i++)
        {
            DateTime at = start.AddSeconds(i);
            _history.Add(new TaskScheduledEvent("Step", $"{i}") { EventId = i, Timestamp = at });
            _history.Add(new OrchestratorCompletedEvent { Timestamp = at });
            _history.Add(new OrchestratorStartedEvent { Timestamp = at.AddMilliseconds(500) });
            _history.Add(new TaskCompletedEvent(i, $"{i}") { Timestamp = at.AddMilliseconds(400) });
        }

        _history.Add(new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, $"{steps * (steps - 1) / 2}"));
        _episode = _history.Skip(_history.Count - 9).ToList();
    }

    /// <summary>Replays a 1,000-event history through the orchestrator code (what a cold episode costs).</summary>
    [Benchmark]
    public void Replay1000EventHistory() => HistoryReplayer.Replay(_registry, _history, _services);

    /// <summary>Serialises one episode's new history rows the way backends store them.</summary>
    [Benchmark]
    public string SerializeEpisode() => JsonSerializer.Serialize(_episode, WebJsonDataConverter.Options);
}
