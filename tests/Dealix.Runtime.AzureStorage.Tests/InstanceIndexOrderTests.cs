using Azure.Core;
using Azure.Core.Pipeline;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Worker;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// The Instances table (the query index) must not stick at Pending: a client in another process than the worker
/// starts an instance, and the worker runs it to completion before the client's own index write lands.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class InstanceIndexOrderTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task StartedFromAnotherBackend_ItsIndexWriteLandsLate_IndexEndsCompleted()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        DurableTaskRegistry registry = new DurableTaskRegistry().AddOrchestratorFunc<string>("Quick", _ => Task.FromResult("done"));
        await using var worker = new DurableTaskWorker(hub.Backend, registry);
        await worker.StartAsync();
        for (int i = 0; i < 200 && hub.Backend.OwnedPartitions.Count < hub.Options.PartitionCount; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(hub.Options.PartitionCount, hub.Backend.OwnedPartitions.Count);

        // The client's writes to the Instances table take a while (a slow or distant storage front end).
        var slow = new SlowIndexWrites(hub.Options.TaskHubName + "Instances", TimeSpan.FromSeconds(3));
        var client = new BackendDurableTaskClient(hub.NewBackend(o => o.TablePolicy = slow), registry);

        string id = await client.ScheduleNewOrchestrationInstanceAsync("Quick", new StartOrchestrationOptions("quick-1"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(id, cancellation: timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(slow.Delayed > 0, "the client wrote no index row");

        // The client's write has landed (the start returned after it); the index shows the instance's last state.
        InstancePage page = await hub.Backend.QueryInstancesAsync(new InstanceFilter(InstanceIdPrefix: "quick-"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, Assert.Single(page.Instances).Status);
    }

    /// <summary>Holds every write to one table for a while before sending it.</summary>
    private sealed class SlowIndexWrites(string table, TimeSpan delay) : HttpPipelinePolicy
    {
        private int _delayed;

        public int Delayed => Volatile.Read(ref _delayed);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method != RequestMethod.Get && message.Request.Uri.Path.Contains("/" + table, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _delayed);
                await Task.Delay(delay);
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
    }
}
