using Azure.Data.Tables;
using Azure.Storage.Queues;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// Poison messages end in the dead-letter store within bounded attempts and fail their instance with a readable
/// reason; bad data in storage is quarantined with one log line while the worker keeps serving other instances.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PoisonAndBadDataTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly int QuarantinedEventId = 9304;

    [Fact]
    public async Task UnreadableAndForeignMessages_AreDeadLettered_InstanceFailsWithReason_OthersComplete()
    {
        await using AzureStorageTestHub hub = await StartAsync();
        string victim = await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitsForEvent", null, new StartOrchestrationOptions("victim"));
        await hub.Client.WaitForInstanceStartAsync(victim);

        // A message in our format whose event type no version of the engine knows, and a message that is not ours at all.
        await ControlQueueOf(hub, victim).SendMessageAsync(
            """{"dealix":1,"kind":"orchestration","dedupeId":"m-1","orchestration":{"messageId":"m-1","instanceId":"victim","event":{"type":"FromTheFuture"}}}""");
        await ControlQueueOf(hub, "bystander").SendMessageAsync("hello from another app");
        string bystander = await hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions("bystander"));

        OrchestrationMetadata failed = await hub.WaitForCompletionAsync(victim);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal("UnreadableMessage", failed.FailureDetails!.ErrorType);
        Assert.Contains("could not be read", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(SampleTasks.ExpectedHello, (await hub.WaitForCompletionAsync(bystander)).ReadOutputAs<List<string>>());

        IReadOnlyList<DeadLetter> letters = await WaitForDeadLettersAsync(hub.Backend, 2);
        Assert.Contains(letters, l => l.Kind == "UnreadableMessage" && l.InstanceId == "victim");
        DeadLetter foreign = Assert.Single(letters, l => l.Kind == "ForeignMessage");
        Assert.Equal("hello from another app", foreign.Body);
        Assert.Equal(2, hub.Hub.Logs.Entries.Count(e => e.EventId == QuarantinedEventId));

        // Re-drive puts the message back where it came from; being foreign, it is quarantined again, once.
        Assert.True(await hub.Backend.RedriveDeadLetterAsync(foreign.Id));
        IReadOnlyList<DeadLetter> again = await WaitForDeadLettersAsync(hub.Backend, 2, l => l.Id != foreign.Id);
        Assert.Contains(again, l => l.Kind == "ForeignMessage" && l.Id != foreign.Id);
        Assert.DoesNotContain(again, l => l.Id == foreign.Id);
    }

    [Fact]
    public async Task CorruptHistoryRowAndUnknownEventType_AreQuarantinedOnce_InstanceFails_WorkerKeepsRunning()
    {
        // No instance cache: each episode reads its history from storage, where the damage is.
        await using AzureStorageTestHub hub = await StartAsync(o => o.InstanceCacheSize = 0);
        foreach (string id in new[] { "garbled", "future" })
        {
            await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitsForEvent", null, new StartOrchestrationOptions(id));
            await hub.Client.WaitForInstanceStartAsync(id);
        }

        var history = new TableClient(hub.Hub.Options.ConnectionString, hub.Hub.Options.TaskHubName + "History");
        await Corrupt(history, "garbled", "{this is not json");
        await Corrupt(history, "future", """[{"type":"FromTheFuture","eventId":-1,"timestamp":"2026-11-23T00:00:00Z"}]""");
        await hub.Client.RaiseEventAsync("garbled", "Go", "x");
        await hub.Client.RaiseEventAsync("future", "Go", "x");
        string bystander = await hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions("bystander"));

        foreach (string id in new[] { "garbled", "future" })
        {
            OrchestrationMetadata failed = await hub.WaitForCompletionAsync(id);
            Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
            Assert.Equal(AzureStorageOrchestrationBackend.CorruptHistoryErrorType, failed.FailureDetails!.ErrorType);
            Assert.Contains("quarantined", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        }

        Assert.Equal(SampleTasks.ExpectedHello, (await hub.WaitForCompletionAsync(bystander)).ReadOutputAs<List<string>>());

        // More messages to a quarantined instance are dropped without another log line.
        await hub.Client.RaiseEventAsync("garbled", "Go", "again");
        string second = await hub.Client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities);
        await hub.WaitForCompletionAsync(second);

        IReadOnlyList<DeadLetter> letters = await hub.Backend.ListDeadLettersAsync();
        Assert.Equal(["future", "garbled"], letters.Where(l => l.Kind == "CorruptHistory").Select(l => l.InstanceId).Order());
        Assert.Equal(2, hub.Hub.Logs.Entries.Count(e => e.EventId == QuarantinedEventId));
    }

    [Fact]
    public async Task ActivityThatCrashesItsWorkerProcess_IsDeadLetteredWithinBoundedAttempts_InstanceFails_OthersComplete()
    {
        string hubName = TestHub.NewName();
        string executions = Path.Combine(Path.GetTempPath(), hubName + "-executions.log");
        await using HubScope scope = await HubScope.CreateAsync(azurite.ConnectionString, output, o => o.TaskHubName = hubName);
        var client = new BackendDurableTaskClient(scope.Backend);
        string crasher = await client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.CallsCrashingActivity, null, new StartOrchestrationOptions("crasher"));
        const string bystander = "bystander";
        const int maxDequeueCount = 3;
        int workersStarted = 0;
        try
        {
            // Each worker dies when it runs the activity; a fresh one is started until the message is dead-lettered.
            while (workersStarted < maxDequeueCount + 3)
            {
                await using WorkerProcess worker = await WorkerProcess.StartAsync(azurite.ConnectionString, hubName, executions, maxDequeueCount);
                workersStarted++;
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                Task exited = worker.WaitForExitAsync(wait.Token);
                while (!exited.IsCompleted && !wait.IsCancellationRequested)
                {
                    OrchestrationMetadata? state = await client.GetInstanceAsync(crasher);
                    OrchestrationMetadata? other = await client.GetInstanceAsync(bystander);
                    if (state?.RuntimeStatus == OrchestrationRuntimeStatus.Failed && other?.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
                    {
                        break;
                    }

                    await Task.Delay(250);
                }

                output.WriteLine($"worker {workersStarted} (pid {worker.Id}) {(worker.HasExited ? "crashed" : "still running")}");
                if (workersStarted == 1)
                {
                    // Started after the first crash: an instance in flight in a process that dies has its delivery counted
                    // too, so an innocent one must not share more crashes than the limit allows.
                    await client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions(bystander));
                }

                if (!worker.HasExited)
                {
                    break;
                }
            }

            OrchestrationMetadata failed = (await client.GetInstanceAsync(crasher, getInputsAndOutputs: true))!;
            Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
            Assert.Equal("PoisonMessage", failed.FailureDetails!.ErrorType);
            // The worker runs activities inside the episode when it can, so the message that keeps crashing the process
            // is either the activity request or the orchestration's start; the reason names which.
            Assert.Matches("activity 'CrashProcess'|start message of orchestration 'CallsCrashingActivity'", failed.FailureDetails.ErrorMessage);
            Assert.Contains("dead letter", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.GetInstanceAsync(bystander))!.RuntimeStatus);
            // The engine fails the instance first and stores its dead letter right after (RELIABILITY.md): wait for it.
            IReadOnlyList<DeadLetter> letters = await scope.Backend.ListDeadLettersAsync();
            for (DateTime until = DateTime.UtcNow.AddSeconds(30); letters.Count == 0 && DateTime.UtcNow < until; letters = await scope.Backend.ListDeadLettersAsync())
            {
                await Task.Delay(250);
            }

            DeadLetter letter = Assert.Single(letters);
            Assert.Equal(("PoisonMessage", "crasher"), (letter.Kind, letter.InstanceId));
            Assert.True(letter.DequeueCount > maxDequeueCount);
            Assert.True(workersStarted <= maxDequeueCount + 1, $"{workersStarted} workers were needed");
        }
        finally
        {
            File.Delete(executions);
        }
    }

    private async Task<AzureStorageTestHub> StartAsync(Action<AzureStorageOptions>? configure = null) =>
        await AzureStorageTestHub.StartAsync(azurite.ConnectionString, output, tasks =>
        {
            SampleTasks.Register(tasks, new MemoryExecutionRecorder("w", []));
            tasks.AddOrchestratorFunc<object?, string>("WaitsForEvent", async (context, _) => await context.WaitForExternalEvent<string>("Go"));
        }, configure: configure);

    private static QueueClient ControlQueueOf(AzureStorageTestHub hub, string instanceId)
    {
        int partition = PartitionHash.PartitionOf(instanceId, hub.Hub.Options.PartitionCount);
        return new QueueClient(hub.Hub.Options.ConnectionString, $"{hub.Hub.Options.TaskHubName.ToLowerInvariant()}-control-{partition:D2}",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
    }

    private static async Task Corrupt(TableClient history, string instanceId, string events)
    {
        TableEntity row = await history.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId && e.RowKey.CompareTo("h.") > 0 && e.RowKey.CompareTo("h/") < 0)
            .FirstAsync();
        row["Events"] = events;
        await history.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    private static async Task<IReadOnlyList<DeadLetter>> WaitForDeadLettersAsync(
        AzureStorageOrchestrationBackend backend, int count, Func<DeadLetter, bool>? filter = null)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            IReadOnlyList<DeadLetter> letters = await backend.ListDeadLettersAsync();
            if (letters.Count(filter ?? (_ => true)) >= count || DateTime.UtcNow > deadline)
            {
                return letters;
            }

            await Task.Delay(200);
        }
    }
}
