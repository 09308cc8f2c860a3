using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// Runs small workloads and prints what they cost in storage calls and how late timers fired. The figures are
/// reported, not asserted (speed belongs to benchmarks/); the outcomes are asserted.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StorageCostReportTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task HelloCitiesTimersAndIdle_CompleteAndReportStorageCallsAndTimerLateness()
    {
        await using AzureStorageTestHub hub = await AzureStorageTestHub.StartAsync(azurite.ConnectionString, output,
            tasks => SampleTasks.Register(tasks, new MemoryExecutionRecorder("w", [])));
        AzureStorageOrchestrationBackend backend = hub.Backend;

        long before = backend.Calls.Total;
        List<string> hello = await Completion.ScheduleManyAsync(hub.Client, 50, i =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions($"hello-{i:D2}")));
        long afterSchedule = backend.Calls.Total;
        Dictionary<string, OrchestrationMetadata> done = await Completion.WaitForAllAsync(hub.Client, hello, TimeSpan.FromMinutes(2));
        Assert.All(hello, id => Assert.Equal(SampleTasks.ExpectedHello, done[id].ReadOutputAs<List<string>>()));
        int episodes = 0;
        foreach (string id in hello)
        {
            episodes += (await backend.GetHistoryAsync(id)).OfType<OrchestratorStartedEvent>().Count();
        }

        long total = backend.Calls.Total - before;
        output.WriteLine($"STORAGE CALLS: 50 HelloCities: {(afterSchedule - before) / 50.0:F1} calls per start, {total / 50.0:F1} calls per orchestration " +
            $"in all (the completion polling of this test included), {episodes / 50.0:F1} episodes per orchestration");

        List<string> timers = await Completion.ScheduleManyAsync(hub.Client, 20, i =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.TimerThenHello, 3, new StartOrchestrationOptions($"timer-{i:D2}")));
        Dictionary<string, OrchestrationMetadata> fired = await Completion.WaitForAllAsync(hub.Client, timers, TimeSpan.FromMinutes(1));
        var lateness = new List<double>();
        foreach (string id in timers)
        {
            Assert.Equal("Hello Timer!", fired[id].ReadOutputAs<string>());
            IReadOnlyList<HistoryEvent> history = await backend.GetHistoryAsync(id);
            DateTime due = history.OfType<TimerCreatedEvent>().Single().FireAt;
            int firedAt = history.ToList().FindIndex(e => e is TimerFiredEvent);
            DateTime woke = history.Take(firedAt).OfType<OrchestratorStartedEvent>().Last().Timestamp;
            Assert.True(woke >= due, $"{id} woke at {woke:O}, before its timer was due at {due:O}");
            lateness.Add((woke - due).TotalMilliseconds);
        }

        lateness.Sort();
        output.WriteLine($"TIMER LATENESS: 20 timers of 3 s: p50 {lateness[lateness.Count / 2]:F0} ms, max {lateness[^1]:F0} ms");

        await Task.Delay(1000);
        long idleStart = backend.Calls.Total;
        await Task.Delay(TimeSpan.FromSeconds(5));
        output.WriteLine($"IDLE: {(backend.Calls.Total - idleStart) / 5.0:F1} storage calls per second by an idle worker " +
            $"({hub.Hub.Options.PartitionCount} partitions, max polling interval {hub.Hub.Options.MaxQueuePollingInterval.TotalMilliseconds} ms, leases every {hub.Hub.Options.LeaseRenewInterval.TotalSeconds} s)");
    }
}
