using Azure.Data.Tables;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.Backend;
using static Dealix.Runtime.AzureStorage.Tests.Infrastructure.Episodes;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>The IOrchestrationBackend contract, exercised directly against Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class BackendContractTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task CreateInstance_ThenLock_DeliversStartAndCommitsEpisode()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        string executionId = await CreateAsync(backend, "order:1", "\"Tokyo\"");

        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await backend.GetInstanceAsync("order:1"))!.Status);
        OrchestrationWorkItem first = await LockAsync(backend);
        Assert.Equal("order:1", first.InstanceId);
        Assert.Empty(first.History);
        ExecutionStartedEvent started = Assert.IsType<ExecutionStartedEvent>(Assert.Single(first.NewMessages).Event);
        Assert.Equal(executionId, started.ExecutionId);

        ActivityMessage request = Activity(first, taskId: 0, input: "\"Tokyo\"");
        await backend.CompleteOrchestrationWorkItemAsync(first, Commit(first, OrchestrationRuntimeStatus.Running,
            events: [new TaskScheduledEvent("SayHello", "\"Tokyo\"") { EventId = 0, Timestamp = Now }], activities: [request]));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await backend.GetInstanceAsync("order:1"))!.Status);
        Assert.Equal(4, (await backend.GetHistoryAsync("order:1")).Count);

        ActivityWorkItem activity = await LockActivityAsync(backend);
        Assert.Equal(request, activity.Message);
        await backend.CompleteActivityWorkItemAsync(activity, Completed(activity.Message, "\"Hello Tokyo\""));

        OrchestrationWorkItem second = await LockAsync(backend);
        Assert.Equal(4, second.History.Count);
        TaskCompletedEvent completed = Assert.IsType<TaskCompletedEvent>(Assert.Single(second.NewMessages).Event);
        Assert.Equal("\"Hello Tokyo\"", completed.Result);
        await backend.CompleteOrchestrationWorkItemAsync(second, Commit(second, OrchestrationRuntimeStatus.Completed, output: "\"Hello Tokyo\""));

        InstanceState done = (await backend.GetInstanceAsync("order:1"))!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.Status);
        Assert.Equal("\"Hello Tokyo\"", done.Output);
        IReadOnlyList<HistoryEvent> history = await backend.GetHistoryAsync("order:1");
        Assert.Equal(7, history.Count);
        Assert.IsType<TaskCompletedEvent>(history[5]);
    }

    [Fact]
    public async Task CreateInstance_WhileRunning_ThrowsAlreadyExists_AndAfterEndReplaces()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        await CreateAsync(backend, "dup");
        var error = await Assert.ThrowsAsync<DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(() => CreateAsync(backend, "dup"));
        Assert.Contains("is Pending", error.Message, StringComparison.Ordinal);

        OrchestrationWorkItem item = await LockAsync(backend);
        await backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Completed));
        string second = await CreateAsync(backend, "dup");

        OrchestrationWorkItem restarted = await LockAsync(backend);
        Assert.Equal(second, Assert.IsType<ExecutionStartedEvent>(Assert.Single(restarted.NewMessages).Event).ExecutionId);
        Assert.Empty(restarted.History);
        await backend.AbandonOrchestrationWorkItemAsync(restarted);
    }

    /// <summary>
    /// Under load the SDK can give up waiting for the answer to a batch that did commit, and retry it: the retry then
    /// meets the caller's own new row (409). That is the start succeeding, not an id already taken (seen by the
    /// benchmark at 1000 starts on an overloaded machine: the instance ran, its caller was told it failed).
    /// </summary>
    [Fact]
    public async Task CreateInstance_AnswerLostAfterCommit_TheRetryFindsItsOwnRowAndSucceeds()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var lose = new LoseFirstBatchAnswer();
        AzureStorageOrchestrationBackend client = hub.NewBackend(o => o.TablePolicy = lose);

        string executionId = await CreateAsync(client, "lost-answer", "\"Riyadh\"");

        Assert.Equal(1, lose.Lost);
        OrchestrationWorkItem first = await LockAsync(hub.Backend);
        Assert.Equal("lost-answer", first.InstanceId);
        Assert.Equal(executionId, Assert.IsType<ExecutionStartedEvent>(Assert.Single(first.NewMessages).Event).ExecutionId);
        await hub.Backend.AbandonOrchestrationWorkItemAsync(first);

        // Another caller with the same id is still refused.
        await Assert.ThrowsAsync<DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(() => CreateAsync(client, "lost-answer"));
    }

    [Fact]
    public async Task Commit_AfterInstanceRowChanged_ThrowsWorkItemLost_AndRedeliversMessages()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        await CreateAsync(backend, "race");
        OrchestrationWorkItem item = await LockAsync(backend);

        // Another writer changes the instance row underneath the work item.
        var table = new TableClient(hub.Options.ConnectionString, hub.Options.TaskHubName + "History");
        TableEntity row = (await table.GetEntityAsync<TableEntity>("race", "!instance")).Value;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<WorkItemLostException>(() =>
            backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Running)));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await backend.GetInstanceAsync("race"))!.Status);
        Assert.Empty(await backend.GetHistoryAsync("race"));

        OrchestrationWorkItem again = await LockAsync(backend);
        Assert.IsType<ExecutionStartedEvent>(Assert.Single(again.NewMessages).Event);
        await backend.CompleteOrchestrationWorkItemAsync(again, Commit(again, OrchestrationRuntimeStatus.Running));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await backend.GetInstanceAsync("race"))!.Status);
    }

    [Fact]
    public async Task DelayedMessage_IsNotDeliveredBeforeVisibleAt()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        await CreateAsync(backend, "timer");
        OrchestrationWorkItem item = await LockAsync(backend);
        DateTime fireAt = DateTime.UtcNow.AddSeconds(3);
        var timer = new OrchestrationMessage(Guid.NewGuid().ToString("N"), "timer", ExecutionIdOf(item),
            new TimerFiredEvent(0, fireAt) { Timestamp = fireAt })
        { VisibleAt = fireAt };
        await backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Running,
            events: [new TimerCreatedEvent(fireAt) { EventId = 0, Timestamp = Now }], messages: [timer]));

        OrchestrationWorkItem fired = await LockAsync(backend);
        DateTime deliveredAt = DateTime.UtcNow;
        Assert.True(deliveredAt >= fireAt, $"delivered at {deliveredAt:O}, before {fireAt:O}");
        Assert.IsType<TimerFiredEvent>(Assert.Single(fired.NewMessages).Event);
        await backend.AbandonOrchestrationWorkItemAsync(fired);
    }

    [Fact]
    public async Task SameMessageIdTwice_IsDeliveredOnce()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        await CreateAsync(backend, "dedupe");
        OrchestrationWorkItem item = await LockAsync(backend);
        await backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Running));

        OrchestrationMessage approved = Event("dedupe", "Approved", "true");
        await backend.SendMessageAsync(approved);
        OrchestrationWorkItem withEvent = await LockAsync(backend);
        Assert.Single(withEvent.NewMessages);
        await backend.CompleteOrchestrationWorkItemAsync(withEvent, Commit(withEvent, OrchestrationRuntimeStatus.Running));

        // The same message again (a re-send after a crash), then a different one: only the new one arrives.
        await backend.SendMessageAsync(approved);
        await backend.SendMessageAsync(Event("dedupe", "Shipped"));
        OrchestrationWorkItem next = await LockAsync(backend);
        Assert.Equal("Shipped", Assert.IsType<EventRaisedEvent>(Assert.Single(next.NewMessages).Event).Name);
        await backend.AbandonOrchestrationWorkItemAsync(next);
    }

    [Fact]
    public async Task MessageToUnknownInstance_IsDropped()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        await backend.SendMessageAsync(Event("nobody", "Ping"));
        await CreateAsync(backend, "somebody");

        OrchestrationWorkItem item = await LockAsync(backend);
        Assert.Equal("somebody", item.InstanceId);
        await backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Running));
        Assert.Null(await TryLockAsync(backend, seconds: 2));
        Assert.Null(await backend.GetInstanceAsync("nobody"));
    }

    [Fact]
    public async Task QueryInstances_PagesByIdWithFilters()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        for (int i = 0; i < 7; i++)
        {
            await CreateAsync(backend, $"deal:t1:{i}");
        }

        await CreateAsync(backend, "ticket:t1:0");

        var ids = new List<string>();
        var pageSizes = new List<int>();
        string? token = null;
        do
        {
            InstancePage page = await backend.QueryInstancesAsync(new InstanceFilter(InstanceIdPrefix: "deal:", PageSize: 3, ContinuationToken: token));
            ids.AddRange(page.Instances.Select(i => i.InstanceId));
            pageSizes.Add(page.Instances.Count);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"deal:t1:{i}"), ids);
        Assert.Equal([3, 3, 1], pageSizes);

        InstancePage running = await backend.QueryInstancesAsync(new InstanceFilter(Statuses: [OrchestrationRuntimeStatus.Running]));
        Assert.Empty(running.Instances);
        InstancePage pending = await backend.QueryInstancesAsync(new InstanceFilter(
            Statuses: [OrchestrationRuntimeStatus.Pending], CreatedFrom: DateTime.UtcNow.AddMinutes(-5)));
        Assert.Equal(8, pending.Instances.Count);
    }

    [Fact]
    public async Task Purge_RemovesEndedInstanceWithHistoryAndPayloads_ButNotRunningOnes()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        string big = "\"" + new string('x', 150_000) + "\"";
        await CreateAsync(backend, "done", big);
        await CreateAsync(backend, "busy");
        for (int i = 0; i < 2; i++)
        {
            OrchestrationWorkItem item = await LockAsync(backend);
            OrchestrationRuntimeStatus status = item.InstanceId == "done" ? OrchestrationRuntimeStatus.Completed : OrchestrationRuntimeStatus.Running;
            await backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, status, output: item.InstanceId == "done" ? big : null));
        }

        var blobs = new Azure.Storage.Blobs.BlobContainerClient(hub.Options.ConnectionString, hub.Options.TaskHubName.ToLowerInvariant() + "-payloads");
        Assert.NotEmpty(await blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "done/", default).ToListAsync());

        Assert.False(await backend.PurgeInstanceAsync("busy"));
        Assert.True(await backend.PurgeInstanceAsync("done"));
        Assert.Null(await backend.GetInstanceAsync("done"));
        Assert.Empty(await backend.GetHistoryAsync("done"));
        Assert.Empty(await blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "done/", default).ToListAsync());
        Assert.Equal(["busy"], (await backend.QueryInstancesAsync(new InstanceFilter())).Instances.Select(i => i.InstanceId));
        Assert.Equal(0, await backend.PurgeInstancesAsync(new InstanceFilter()));
    }

    [Fact]
    public async Task LargePayloads_TravelThroughBlobsTransparently()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        string input = "\"" + new string('i', 100_000) + "\"";
        string activityInput = "\"" + new string('a', 90_000) + "\"";
        string result = "\"" + new string('r', 120_000) + "\"";
        await CreateAsync(backend, "big", input);

        OrchestrationWorkItem first = await LockAsync(backend);
        Assert.Equal(input, Assert.IsType<ExecutionStartedEvent>(Assert.Single(first.NewMessages).Event).Input);
        ActivityMessage request = Activity(first, 0, input: activityInput);
        await backend.CompleteOrchestrationWorkItemAsync(first, Commit(first, OrchestrationRuntimeStatus.Running,
            events: [new TaskScheduledEvent("SayHello", activityInput) { EventId = 0 }], activities: [request]));

        ActivityWorkItem activity = await LockActivityAsync(backend);
        Assert.Equal(activityInput, activity.Message.Input);
        await backend.CompleteActivityWorkItemAsync(activity, Completed(activity.Message, result));

        OrchestrationWorkItem second = await LockAsync(backend);
        Assert.Equal(result, Assert.IsType<TaskCompletedEvent>(Assert.Single(second.NewMessages).Event).Result);
        Assert.Equal(input, Assert.IsType<ExecutionStartedEvent>(second.History[1]).Input);
        await backend.CompleteOrchestrationWorkItemAsync(second, Commit(second, OrchestrationRuntimeStatus.Completed, output: result));
        Assert.Equal(result, (await backend.GetInstanceAsync("big"))!.Output);
        Assert.Equal(7, (await backend.GetHistoryAsync("big")).Count);
    }

    [Fact]
    public async Task EpisodeOverBatchLimit_CommitsAllHistoryAndMessages()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        var backend = hub.Backend;
        await CreateAsync(backend, "fanout");
        OrchestrationWorkItem item = await LockAsync(backend);

        // 150 activities, each event 2,000 characters: over 100 entities and far over one row's property limit.
        string input = "\"" + new string('p', 2_000) + "\"";
        List<ActivityMessage> requests = Enumerable.Range(0, 150).Select(i => Activity(item, i, input: input)).ToList();
        await backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Running,
            events: requests.Select(r => new TaskScheduledEvent(r.Name, r.Input) { EventId = r.TaskId }), activities: requests));

        Assert.Equal(153, (await backend.GetHistoryAsync("fanout")).Count);
        var seen = new HashSet<int>();
        while (seen.Count < 150)
        {
            ActivityWorkItem activity = await LockActivityAsync(backend);
            seen.Add(activity.Message.TaskId);
            await backend.CompleteActivityWorkItemAsync(activity, Completed(activity.Message, activity.Message.TaskId.ToString()));
        }

        var results = new HashSet<int>();
        while (results.Count < 150)
        {
            OrchestrationWorkItem next = await LockAsync(backend);
            results.UnionWith(next.NewMessages.Select(m => ((TaskCompletedEvent)m.Event).TaskScheduledId));
            await backend.CompleteOrchestrationWorkItemAsync(next, Commit(next, OrchestrationRuntimeStatus.Running));
        }

        Assert.Equal(150, results.Count);
    }

    /// <summary>Lets the first table batch reach storage, then loses its answer the way a client-side timeout does.</summary>
    private sealed class LoseFirstBatchAnswer : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Method == Azure.Core.RequestMethod.Post && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)
                && Interlocked.CompareExchange(ref _lost, 1, 0) == 0)
            {
                throw new IOException("Simulated: the answer to a committed batch was lost.");
            }
        }

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
    }
}
