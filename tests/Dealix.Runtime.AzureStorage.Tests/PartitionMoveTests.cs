using Azure.Data.Tables;
using Azure.Storage.Queues;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// Control partitions moving between workers (a graceful stop, a newcomer, a lease that lapses or is taken) while
/// instances have messages on the way: nothing a worker remembers about a partition it no longer owns (cached
/// instance rows, messages held for their due time) may keep an instance from completing.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PartitionMoveTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string WaitsForTwo = "WaitsForTwo";
    private const string WaitsForGo = "WaitsForGo";

    /// <summary>
    /// Worker A's backend is shared with a client (the function host: HTTP triggers start instances through it), so
    /// it remembers every instance it created, also those whose partition worker B owns and runs. When B stops, A takes
    /// its partitions over; a third worker C then joins and takes some back, and C's leases lapse (its lease table
    /// calls fail) so A takes them again. Each instance gets an event after each move and must complete.
    /// </summary>
    [Fact]
    public async Task PartitionsMoveBetweenThreeWorkers_EventsArriveAroundEachMove_EveryInstanceCompletes()
    {
        await using HubScope scope = await HubScope.CreateAsync(azurite.ConnectionString, output);
        using ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(scope.Logs));
        var cut = new FailLeaseCalls();
        (AzureStorageOrchestrationBackend a, DurableTaskWorker workerA) = await StartWorkerAsync(scope, "A", logging);
        (AzureStorageOrchestrationBackend b, DurableTaskWorker workerB) = await StartWorkerAsync(scope, "B", logging);
        DurableTaskWorker? workerC = null;
        try
        {
            await WaitUntilAsync(() => a.OwnedPartitions.Count == 2 && b.OwnedPartitions.Count == 2, "A and B own two partitions each");
            var client = new BackendDurableTaskClient(a);
            List<string> ids = [];
            for (int i = 0; i < 12; i++)
            {
                ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(WaitsForTwo, null, new StartOrchestrationOptions($"move-{i:D2}")));
            }

            Assert.Contains(ids, id => b.OwnedPartitions.Contains(PartitionHash.PartitionOf(id, 4)));
            foreach (string id in ids)
            {
                await client.WaitForInstanceStartAsync(id);
            }

            // Move 1: B stops gracefully; A takes its partitions, and with them B's instances, which A created.
            await workerB.DisposeAsync();
            await b.DisposeAsync();
            await WaitUntilAsync(() => a.OwnedPartitions.Count == 4, "A owns all partitions after B stopped");
            foreach (string id in ids)
            {
                await client.RaiseEventAsync(id, "One", id);
            }

            await WaitForStatusAsync(client, ids, "\"one\"");

            // Move 2: C joins and A gives partitions back; move 3: C's lease calls fail, its leases lapse, A takes them.
            (AzureStorageOrchestrationBackend c, workerC) = await StartWorkerAsync(scope, "C", logging, cut);
            await WaitUntilAsync(() => c.OwnedPartitions.Count == 2 && a.OwnedPartitions.Count == 2, "C took two partitions from A");
            cut.Enabled = true;
            await WaitUntilAsync(() => a.OwnedPartitions.Count == 4, "A owns all partitions again after C's leases lapsed");
            foreach (string id in ids)
            {
                await client.RaiseEventAsync(id, "Two", id);
            }

            Dictionary<string, OrchestrationMetadata> done = await Completion.WaitForAllAsync(client, ids, TimeSpan.FromSeconds(30), output);
            foreach (string id in ids)
            {
                Assert.True(done[id].RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done[id].RuntimeStatus}: {done[id].FailureDetails}");
                Assert.Equal($"{id}+{id}", done[id].ReadOutputAs<string>());
            }
        }
        finally
        {
            cut.Enabled = false;
            if (workerC is not null)
            {
                await workerC.DisposeAsync();
            }

            await workerA.DisposeAsync();
        }
    }

    /// <summary>
    /// More than a buffer's worth of messages (40; a partition buffers 32) arrive before their due time (a sender's clock
    /// ahead, a timer rounded to whole seconds) and are held until due; then the partition's lease is taken by another
    /// owner and lapses again. The held messages must be handed back (visible at their due time), not kept invisible
    /// by this worker forever; once the worker owns the partition again it polls, delivers them and serves new
    /// instances.
    /// </summary>
    [Fact]
    public async Task LeaseStolenWhileMessagesAreHeldForTheirDueTime_TheyAreReleased_InstancesComplete_PollingGoesOn()
    {
        const int Held = 40;
        await using HubScope scope = await HubScope.CreateAsync(azurite.ConnectionString, output, o =>
        {
            o.PartitionCount = 1;
            o.MessageLockTimeout = TimeSpan.FromSeconds(60); // messages up to 30 s early are held in memory
        });
        using ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(scope.Logs));
        (AzureStorageOrchestrationBackend a, DurableTaskWorker worker) = await StartWorkerAsync(scope, "A", logging);
        try
        {
            await WaitUntilAsync(() => a.OwnedPartitions.Count == 1, "A owns the partition");
            var client = new BackendDurableTaskClient(a);
            List<string> ids = [];
            for (int i = 0; i < Held; i++)
            {
                ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(WaitsForGo, null, new StartOrchestrationOptions($"held-{i:D2}")));
            }

            foreach (string id in ids)
            {
                await client.WaitForInstanceStartAsync(id);
            }

            // Visible in the queue now, due in 8 s: the receiver holds each in memory until then.
            DateTime due = DateTime.UtcNow.AddSeconds(8);
            var queue = new QueueClient(scope.Options.ConnectionString, $"{scope.Options.TaskHubName.ToLowerInvariant()}-control-00",
                new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
            foreach (string id in ids)
            {
                var go = new OrchestrationMessage(Guid.NewGuid().ToString("N"), id, null, new EventRaisedEvent("Go", $"\"{id}\"") { Timestamp = DateTime.UtcNow })
                {
                    VisibleAt = due,
                };
                await queue.SendMessageAsync(QueueEnvelope.For(go).ToJson());
            }

            // A holds a buffer's worth (32) until they are due; the other 8 wait in the queue.
            await WaitUntilAsync(() => a.HeldMessageCount >= 32, "A holds a full buffer of early messages");

            // Another owner takes the lease (and never renews it): A must let go of the partition and what it holds.
            var leases = new TableClient(scope.Options.ConnectionString, scope.Options.TaskHubName + "Leases");
            TableEntity lease = (await leases.GetEntityAsync<TableEntity>("partition", "00")).Value;
            lease["Owner"] = "thief";
            lease["ExpiresAt"] = DateTimeOffset.UtcNow.AddSeconds(3);
            await leases.UpdateEntityAsync(lease, lease.ETag, TableUpdateMode.Replace);
            await WaitUntilAsync(() => a.OwnedPartitions.Count == 0, "A noticed the stolen lease");
            Assert.True(DateTime.UtcNow < due, "the lease was taken only after the messages were due; the test proves nothing");
            await WaitUntilAsync(() => a.OwnedPartitions.Count == 1, "A owns the partition again after the thief's lease lapsed");

            // A client in another process (its own backend object): its messages go through the control queue, so
            // this instance runs only if A polls the partition again.
            var outsider = new BackendDurableTaskClient(scope.Backend);
            string late = await outsider.ScheduleNewOrchestrationInstanceAsync(WaitsForGo, null, new StartOrchestrationOptions("after-the-move"));
            await outsider.RaiseEventAsync(late, "Go", late);

            Dictionary<string, OrchestrationMetadata> done = await Completion.WaitForAllAsync(client, [.. ids, late], TimeSpan.FromSeconds(30), output);
            foreach (string id in ids)
            {
                Assert.True(done[id].RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done[id].RuntimeStatus}: {done[id].FailureDetails}");
                Assert.Equal(id, done[id].ReadOutputAs<string>());
                Assert.True(done[id].LastUpdatedAt >= due, $"{id} got its message at {done[id].LastUpdatedAt:O}, before it was due at {due:O}");
            }

            Assert.Equal(late, done[late].ReadOutputAs<string>());
        }
        finally
        {
            await worker.DisposeAsync();
        }
    }

    private static async Task<(AzureStorageOrchestrationBackend Backend, DurableTaskWorker Worker)> StartWorkerAsync(
        HubScope scope, string name, ILoggerFactory logging, Azure.Core.Pipeline.HttpPipelinePolicy? tablePolicy = null)
    {
        AzureStorageOrchestrationBackend backend = scope.NewBackend(o =>
        {
            o.WorkerId = $"worker-{name}";
            o.TablePolicy = tablePolicy;
        });
        var registry = new DurableTaskRegistry();
        registry.AddOrchestratorFunc<object?, string>(WaitsForTwo, async (context, _) =>
        {
            string one = await context.WaitForExternalEvent<string>("One");
            context.SetCustomStatus("one");
            string two = await context.WaitForExternalEvent<string>("Two");
            return $"{one}+{two}";
        });
        registry.AddOrchestratorFunc<object?, string>(WaitsForGo, async (context, _) => await context.WaitForExternalEvent<string>("Go"));
        var worker = new DurableTaskWorker(backend, registry, null,
            new DurableTaskWorkerOptions { MaxConcurrentActivities = 8, MaxConcurrentOrchestrations = 16 }, logging);
        await worker.StartAsync();
        return (backend, worker);
    }

    private static async Task WaitForStatusAsync(DurableTaskClient client, IEnumerable<string> ids, string customStatus)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (string id in ids)
        {
            while (true)
            {
                OrchestrationMetadata? state = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
                if (state?.SerializedCustomStatus == customStatus)
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline,
                    $"{id} did not take its event within 30 s (status {state?.RuntimeStatus}, custom status {state?.SerializedCustomStatus})");
                await Task.Delay(100);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 20)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {seconds} s: {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>When enabled, every call to the Leases table fails as if the storage account were unreachable from this worker.</summary>
    private sealed class FailLeaseCalls : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private volatile bool _enabled;

        public bool Enabled
        {
            get => _enabled;
            set => _enabled = value;
        }

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (_enabled && message.Request.Uri.Path.Contains("Leases", StringComparison.Ordinal))
            {
                throw new IOException("Simulated: the Leases table is unreachable from this worker.");
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
    }
}
