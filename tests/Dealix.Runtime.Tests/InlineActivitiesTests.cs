using Dealix.Runtime.Backend;
using Dealix.Runtime.Worker;

namespace Dealix.Runtime.Tests;

/// <summary>In-process activities change how often an instance commits, never what its history says.</summary>
public sealed class InlineActivitiesTests
{
    private static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<int, int>("Chain", async (context, n) =>
        {
            int total = 0;
            for (int i = 0; i < n; i++)
            {
                total += await context.CallActivityAsync<int>("Inc", i);
            }

            int[] fanned = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => context.CallActivityAsync<int>("Inc", i)));
            return total + fanned.Sum();
        })
        .AddActivityFunc<int, int>("Inc", (_, x) => x + 1);

    [Fact]
    public async Task InlineAndQueuedRuns_ProduceTheSameHistoryShapeAndOutput()
    {
        await using var inline = await HostFixture.StartAsync(Register);
        await using var queued = await HostFixture.StartAsync(Register, options: new DurableTaskWorkerOptions { InlineActivities = false });

        string a = await inline.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 5);
        string b = await queued.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 5);

        Assert.Equal(15 + 6, await inline.GetOutputAsync<int>(a));
        Assert.Equal(15 + 6, await queued.GetOutputAsync<int>(b));

        // Sequential steps are one episode each either way; how the fan-out's three results are batched into
        // episodes depends on arrival timing on the queued path, so the comparison covers the events themselves.
        static string[] Shape(IEnumerable<HistoryEvent> h) => [.. h.TakeWhile(e => e is not TaskScheduledEvent { EventId: 5 }).Select(e => $"{e.GetType().Name}#{e.EventId}")];
        static string[] Events(IEnumerable<HistoryEvent> h) => [.. h.Where(e => e is not (OrchestratorStartedEvent or OrchestratorCompletedEvent))
            .Select(e => $"{e.GetType().Name}#{e.EventId}#{(e as TaskCompletedEvent)?.TaskScheduledId}").Order(StringComparer.Ordinal)];
        var queuedHistory = await queued.Client.GetHistoryAsync(b);
        var inlineHistory = await inline.Client.GetHistoryAsync(a);
        Assert.Equal(Shape(queuedHistory), Shape(inlineHistory));
        Assert.Equal(Events(queuedHistory), Events(inlineHistory));
    }

    [Fact]
    public async Task InlineRun_HistoryReplaysThroughTheSameCode()
    {
        await using var host = await HostFixture.StartAsync(Register);
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 4);
        await host.GetOutputAsync<int>(id);

        var registry = new DurableTaskRegistry();
        Register(registry);

        Testing.HistoryReplayer.Replay(registry, await host.Client.GetHistoryAsync(id));
    }

    [Fact]
    public async Task RoundLimit_RemainingActivitiesGoThroughTheBackend()
    {
        await using var host = await HostFixture.StartAsync(Register, options: new DurableTaskWorkerOptions { MaxInlineRounds = 2 });

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 10);

        Assert.Equal(55 + 6, await host.GetOutputAsync<int>(id));
    }
}
