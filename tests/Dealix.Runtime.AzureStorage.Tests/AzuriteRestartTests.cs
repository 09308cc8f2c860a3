using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>Azurite (persistent data folder) stopped and started again in the middle of a run.</summary>
public sealed class AzuriteRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AzuriteRestartedMidRun_EverythingCompletesAfterwards()
    {
        // Its own Azurite: the shared one must not go down under other tests.
        await using Azurite azurite = await Azurite.StartAsync();
        await using AzureStorageTestHub hub = await AzureStorageTestHub.StartAsync(azurite.ConnectionString, output,
            tasks => SampleTasks.Register(tasks, new MemoryExecutionRecorder("w", [])));

        List<string> ids = await Completion.ScheduleManyAsync(hub.Client, 40, i =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions($"hello-{i:D2}")));
        ids.AddRange(await Completion.ScheduleManyAsync(hub.Client, 20, i =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.TimerThenHello, 8, new StartOrchestrationOptions($"timer-{i:D2}"))));

        // Let the run get going, then take storage away for a while.
        await hub.WaitForCompletionAsync("hello-00");
        await azurite.StopAsync();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} Azurite stopped");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await azurite.RestartAsync();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} Azurite restarted (pid {azurite.ProcessId})");

        Dictionary<string, OrchestrationMetadata> done = await Completion.WaitForAllAsync(hub.Client, ids, TimeSpan.FromMinutes(3), output);
        foreach (string id in ids)
        {
            Assert.True(done[id].RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done[id].RuntimeStatus}: {done[id].FailureDetails}");
        }

        Assert.All(ids.Where(id => id.StartsWith("hello", StringComparison.Ordinal)),
            id => Assert.Equal(SampleTasks.ExpectedHello, done[id].ReadOutputAs<List<string>>()));
        Assert.All(ids.Where(id => id.StartsWith("timer", StringComparison.Ordinal)),
            id => Assert.Equal("Hello Timer!", done[id].ReadOutputAs<string>()));
    }
}

/// <summary>A worker whose storage is already gone still shuts down cleanly.</summary>
public sealed class ShutdownWithoutStorageTests
{
    [Fact]
    public async Task DisposeAsync_StorageAlreadyStopped_DoesNotThrow()
    {
        await using Azurite azurite = await Azurite.StartAsync();
        var backend = new AzureStorageOrchestrationBackend(new AzureStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TaskHubName = "ShutdownHub",
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(200),
        });
        await backend.CreateIfNotExistsAsync();
        await using (var worker = new Worker.DurableTaskWorker(backend, new DurableTaskRegistry()))
        {
            await worker.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(1)); // leases claimed, pollers running
            await azurite.StopAsync();
        }

        Exception? error = await Record.ExceptionAsync(async () => await backend.DisposeAsync());

        Assert.Null(error);
    }
}
