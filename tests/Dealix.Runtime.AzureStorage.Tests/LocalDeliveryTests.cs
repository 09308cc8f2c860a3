using Azure.Data.Tables;
using Azure.Storage.Queues;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.Backend;
using static Dealix.Runtime.AzureStorage.Tests.Infrastructure.Episodes;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// Local delivery: a start, an event or a timer for a partition this backend's worker owns skips the control queue and
/// waits in memory, held durably by an outbox row. These tests check that the fast path is really taken (no queue
/// message exists) and that a worker which goes away before consuming such a message loses nothing: the next owner's
/// sweeper sends the row through the queue.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class LocalDeliveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task LocalStartAndEvent_SkipTheQueue_AndAreConsumedWithTheCommit()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        AzureStorageOrchestrationBackend backend = hub.Backend;
        await OwnAllPartitionsAsync(backend, hub.Options.PartitionCount);

        await CreateAsync(backend, "local:1");
        await backend.SendMessageAsync(Event("local:1", "Approved", "true"));
        Assert.Equal(0, await QueuedMessagesAsync(hub.Options));
        Assert.Equal(2, (await OutboxRowsAsync(hub.Options, "local:1")).Count);

        OrchestrationWorkItem item = await LockAsync(backend, seconds: 10);
        Assert.Equal(2, item.NewMessages.Count);
        await backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Completed, output: "\"done\""));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await backend.GetInstanceAsync("local:1"))!.Status);
        Assert.Empty(await OutboxRowsAsync(hub.Options, "local:1"));
        Assert.Null(await TryLockAsync(backend, seconds: 1));
    }

    [Fact]
    public async Task LocalStart_WorkerGoneBeforeItsEpisode_NextOwnerGetsItThroughTheQueue()
    {
        await using HubScope hub = await QuickSweepHubAsync();
        AzureStorageOrchestrationBackend first = hub.Backend;
        await OwnAllPartitionsAsync(first, hub.Options.PartitionCount);
        string executionId = await CreateAsync(first, "orphan:1", "\"Tokyo\"");
        Assert.Equal(0, await QueuedMessagesAsync(hub.Options));
        await first.DisposeAsync(); // the only copy of the start is its outbox row now

        AzureStorageOrchestrationBackend second = hub.NewBackend();
        OrchestrationWorkItem item = await LockAsync(second, seconds: 30);
        Assert.Equal("orphan:1", item.InstanceId);
        Assert.Equal(executionId, Assert.IsType<ExecutionStartedEvent>(Assert.Single(item.NewMessages).Event).ExecutionId);
        await second.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Completed, output: "\"Hello Tokyo\""));

        Assert.Equal("\"Hello Tokyo\"", (await second.GetInstanceAsync("orphan:1"))!.Output);
        Assert.Empty(await OutboxRowsAsync(hub.Options, "orphan:1"));
    }

    [Fact]
    public async Task LocalTimer_WorkerGoneBeforeItFires_NextOwnerFiresItNotEarly()
    {
        await using HubScope hub = await QuickSweepHubAsync();
        AzureStorageOrchestrationBackend first = hub.Backend;
        await OwnAllPartitionsAsync(first, hub.Options.PartitionCount);
        await CreateAsync(first, "sleeper:1");
        OrchestrationWorkItem item = await LockAsync(first, seconds: 10);
        DateTime fireAt = Now.AddSeconds(4);
        var timer = new OrchestrationMessage(Guid.NewGuid().ToString("N"), "sleeper:1", ExecutionIdOf(item), new TimerFiredEvent(0, fireAt)) { VisibleAt = fireAt };
        await first.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Running,
            events: [new TimerCreatedEvent(fireAt) { EventId = 0, Timestamp = Now }], messages: [timer]));
        Assert.Equal(0, await QueuedMessagesAsync(hub.Options)); // the timer waits in memory, its row holds it
        Assert.Single(await OutboxRowsAsync(hub.Options, "sleeper:1"));
        await first.DisposeAsync();

        AzureStorageOrchestrationBackend second = hub.NewBackend();
        OrchestrationWorkItem fired = await LockAsync(second, seconds: 40);
        Assert.True(Now >= fireAt, $"the timer due at {fireAt:O} was delivered at {Now:O}");
        Assert.Equal(fireAt, Assert.IsType<TimerFiredEvent>(Assert.Single(fired.NewMessages).Event).FireAt);
        await second.CompleteOrchestrationWorkItemAsync(fired, Commit(fired, OrchestrationRuntimeStatus.Completed));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await second.GetInstanceAsync("sleeper:1"))!.Status);
    }

    /// <summary>A hub whose sweeper treats rows as abandoned after 1 s, so a successor's recovery shows quickly.</summary>
    private Task<HubScope> QuickSweepHubAsync() => HubScope.CreateAsync(azurite.ConnectionString, output, o =>
    {
        o.OutboxSweepAge = TimeSpan.FromSeconds(1);
        o.OutboxSweepInterval = TimeSpan.FromSeconds(1);
    });

    /// <summary>Starts the backend's orchestration side and waits until its leases cover every control partition.</summary>
    private static async Task OwnAllPartitionsAsync(AzureStorageOrchestrationBackend backend, int partitions)
    {
        Assert.Null(await backend.LockNextOrchestrationWorkItemAsync(new CancellationToken(canceled: true)));
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (backend.OwnedPartitions.Count < partitions)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the backend owns {backend.OwnedPartitions.Count} of {partitions} partitions after 20 s");
            await Task.Delay(50);
        }
    }

    /// <summary>Messages in the hub's control queues, invisible (delayed) ones included.</summary>
    private static async Task<int> QueuedMessagesAsync(AzureStorageOptions options)
    {
        var queues = new QueueServiceClient(options.ConnectionString);
        int total = 0;
        for (int i = 0; i < options.PartitionCount; i++)
        {
            var properties = await queues.GetQueueClient($"{options.TaskHubName.ToLowerInvariant()}-control-{i:D2}").GetPropertiesAsync();
            total += properties.Value.ApproximateMessagesCount;
        }

        return total;
    }

    private static async Task<List<TableEntity>> OutboxRowsAsync(AzureStorageOptions options, string instanceId)
    {
        var table = new TableClient(options.ConnectionString, options.TaskHubName + "History");
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {"o."} and RowKey lt {"o/"}");
        var rows = new List<TableEntity>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}
