using System.Collections.Concurrent;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>Several workers on one hub: safe (ETags) and sharing the load (partition leases).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ScaleOutTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task TwoWorkersOnOneHub_Complete500Orchestrations_NoneCorruptedOrStuck_BothWork()
    {
        await using HubScope scope = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var executions = new ConcurrentBag<(string Key, string Worker)>();
        ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(scope.Logs));
        var workers = new List<DurableTaskWorker>();
        var backends = new List<AzureStorageOrchestrationBackend>();
        try
        {
            foreach (string name in new[] { "A", "B" })
            {
                AzureStorageOrchestrationBackend backend = scope.NewBackend(o => o.WorkerId = $"worker-{name}");
                backends.Add(backend);
                var registry = new DurableTaskRegistry();
                SampleTasks.Register(registry, new MemoryExecutionRecorder(name, executions));
                var worker = new DurableTaskWorker(backend, registry, null,
                    new DurableTaskWorkerOptions { MaxConcurrentActivities = 16, MaxConcurrentOrchestrations = 16 }, logging);
                workers.Add(worker);
                await worker.StartAsync();
            }

            // The client uses its own backend object, as a separate app would.
            var client = new BackendDurableTaskClient(scope.Backend);
            List<string> ids = await Completion.ScheduleManyAsync(client, 500, i =>
                client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions($"scale-{i:D3}")));

            Dictionary<string, OrchestrationMetadata> done = await Completion.WaitForAllAsync(client, ids, TimeSpan.FromMinutes(5), output);

            foreach (string id in ids)
            {
                Assert.True(done[id].RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done[id].RuntimeStatus}: {done[id].FailureDetails}");
                Assert.Equal(SampleTasks.ExpectedHello, done[id].ReadOutputAs<List<string>>());
                IReadOnlyList<Backend.HistoryEvent> history = await scope.Backend.GetHistoryAsync(id);
                Assert.Single(history.OfType<Backend.ExecutionStartedEvent>());
                Assert.Equal(5, history.OfType<Backend.TaskScheduledEvent>().Count());
                Assert.Equal(5, history.OfType<Backend.TaskCompletedEvent>().Count());
                Assert.Single(history.OfType<Backend.ExecutionCompletedEvent>());
            }

            int byA = executions.Count(e => e.Worker == "A");
            int byB = executions.Count(e => e.Worker == "B");
            output.WriteLine($"TWO WORKERS: {executions.Count} activity executions ({executions.Select(e => e.Key).Distinct().Count()} distinct): A {byA}, B {byB}; " +
                $"partitions A [{string.Join(",", backends[0].OwnedPartitions)}], B [{string.Join(",", backends[1].OwnedPartitions)}]");
            Assert.True(byA > 0, "worker A did no activity");
            Assert.True(byB > 0, "worker B did no activity");
            Assert.NotEmpty(backends[0].OwnedPartitions);
            Assert.NotEmpty(backends[1].OwnedPartitions);
        }
        finally
        {
            foreach (DurableTaskWorker worker in workers)
            {
                await worker.DisposeAsync();
            }

            logging.Dispose();
        }
    }
}
