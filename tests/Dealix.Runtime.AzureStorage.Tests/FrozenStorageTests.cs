using System.Diagnostics;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// Azurite frozen with SIGSTOP for 150 s while orchestrations with activities and timers run: every storage call in
/// flight ends in the SDK's time-outs ("Retry failed after 4 tries" over <see cref="TaskCanceledException"/>s). After
/// SIGCONT every instance completes and every background loop is still alive. Its own collection (and its own
/// Azurite), so its three minutes overlap the rest of the suite.
/// </summary>
[Collection(FrozenStorageGroup.Name)]
public sealed class FrozenStorageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Freeze = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task AzuriteFrozen150s_ThenThawed_EveryInstanceCompletes_NoLoopDies()
    {
        await using Azurite azurite = await Azurite.StartAsync();
        await using AzureStorageTestHub hub = await AzureStorageTestHub.StartAsync(azurite.ConnectionString, output,
            tasks => SampleTasks.Register(tasks, new MemoryExecutionRecorder("w", [])));

        List<string> ids = await Completion.ScheduleManyAsync(hub.Client, 20, i =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions($"hello-{i:D2}")));
        ids.AddRange(await Completion.ScheduleManyAsync(hub.Client, 10, i =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.TimerThenHello, 5, new StartOrchestrationOptions($"timer-{i:D2}"))));
        await hub.WaitForCompletionAsync("hello-00");

        // Ports stay open, nothing answers: every call in flight waits for its network time-out, then its retries.
        try
        {
            await azurite.FreezeAsync();
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} Azurite frozen (pid {azurite.ProcessId})");
            await Task.Delay(Freeze);
        }
        finally
        {
            await azurite.ThawAsync();
        }

        var drain = Stopwatch.StartNew();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} Azurite thawed");
        Dictionary<string, OrchestrationMetadata> done = await Completion.WaitForAllAsync(hub.Client, ids, TimeSpan.FromMinutes(3), output);
        output.WriteLine($"{ids.Count} instances ended {drain.Elapsed.TotalSeconds:F1} s after the thaw");
        foreach (string id in ids)
        {
            Assert.True(done[id].RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done[id].RuntimeStatus}: {done[id].FailureDetails}");
        }

        // New work after the thaw reaches every control partition and the activity queue: no poller is dead.
        List<string> after = await Completion.ScheduleManyAsync(hub.Client, 16, i =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.TimerThenHello, 1, new StartOrchestrationOptions($"after-{i:D2}")));
        Dictionary<string, OrchestrationMetadata> late = await Completion.WaitForAllAsync(hub.Client, after, TimeSpan.FromMinutes(2), output);
        Assert.All(after, id => Assert.Equal("Hello Timer!", late[id].ReadOutputAs<string>()));
        Assert.Equal(Enumerable.Range(0, 4), after.Select(id => PartitionHash.PartitionOf(id, 4)).Distinct().Order());
    }
}

[CollectionDefinition(Name)]
public sealed class FrozenStorageGroup
{
    public const string Name = "FrozenStorage";
}
