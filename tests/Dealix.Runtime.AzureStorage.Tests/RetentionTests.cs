using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>Automatic purge of ended instances older than the retention period.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RetentionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task RetentionPeriod_PurgesEndedInstances_KeepsRunningOnes()
    {
        await using AzureStorageTestHub hub = await AzureStorageTestHub.StartAsync(azurite.ConnectionString, output, tasks =>
        {
            SampleTasks.Register(tasks, new MemoryExecutionRecorder("w", []));
            tasks.AddOrchestratorFunc<object?, string>("WaitsForEvent", async (context, _) => await context.WaitForExternalEvent<string>("Go"));
        }, configure: o =>
        {
            o.RetentionPeriod = TimeSpan.FromSeconds(1);
            o.RetentionInterval = TimeSpan.FromSeconds(1);
        });

        string waiting = await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitsForEvent", null, new StartOrchestrationOptions("waiting"));
        string ended = await hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions("ended"));
        await hub.WaitForCompletionAsync(ended);
        await hub.Client.WaitForInstanceStartAsync(waiting);

        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (await hub.Client.GetInstanceAsync(ended) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Null(await hub.Client.GetInstanceAsync(ended));
        Assert.Empty(await hub.Backend.GetHistoryAsync(ended));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await hub.Client.GetInstanceAsync(waiting))!.RuntimeStatus);
    }
}
