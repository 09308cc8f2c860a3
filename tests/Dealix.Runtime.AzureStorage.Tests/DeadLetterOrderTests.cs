using Azure.Data.Tables;
using Azure.Storage.Queues;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// Dead-lettering a message that fails its instance is crash-safe: the message leaves the queue only after the
/// instance is Failed and the dead letter is stored, so a storage outage or a run of conflicting commits in between
/// leaves the message to be retried (with a log line) instead of an instance that stays Running with its message gone.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DeadLetterOrderTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly int QuarantinedEventId = 9304;
    private static readonly int InstanceNotFailedEventId = 9320;

    /// <param name="fault">
    /// <c>conflict</c>: the instance row changes under each of the first 12 attempts to fail it (another writer);
    /// <c>outage</c>: the first attempts to commit the failure meet an unreachable table.
    /// </param>
    [Theory]
    [InlineData("conflict")]
    [InlineData("outage")]
    public async Task UnreadableMessage_FailingTheInstanceMeetsFaults_MessageIsKeptAndRetried_InstanceEndsFailed_OneDeadLetter(string fault)
    {
        var faults = new FaultFailCommits(fault == "conflict" ? 12 : 6, fault == "conflict");
        await using AzureStorageTestHub hub = await AzureStorageTestHub.StartAsync(azurite.ConnectionString, output, tasks =>
        {
            SampleTasks.Register(tasks, new MemoryExecutionRecorder("w", []));
            tasks.AddOrchestratorFunc<object?, string>("WaitsForEvent", async (context, _) => await context.WaitForExternalEvent<string>("Go"));
        }, configure: o => o.TablePolicy = faults);
        faults.History = new TableClient(hub.Hub.Options.ConnectionString, hub.Hub.Options.TaskHubName + "History");
        string victim = await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitsForEvent", null, new StartOrchestrationOptions("victim"));
        await hub.Client.WaitForInstanceStartAsync(victim);

        int partition = PartitionHash.PartitionOf(victim, hub.Hub.Options.PartitionCount);
        var queue = new QueueClient(hub.Hub.Options.ConnectionString, $"{hub.Hub.Options.TaskHubName.ToLowerInvariant()}-control-{partition:D2}",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.SendMessageAsync(
            """{"dealix":1,"kind":"orchestration","dedupeId":"m-1","orchestration":{"messageId":"m-1","instanceId":"victim","event":{"type":"FromTheFuture"}}}""");

        OrchestrationMetadata failed = await hub.WaitForCompletionAsync(victim);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal("UnreadableMessage", failed.FailureDetails!.ErrorType);
        Assert.True(faults.Injected >= (fault == "conflict" ? 12 : 6), $"only {faults.Injected} faults were injected");

        // One dead letter however often it was tried, named by the failure; the message is gone from the queue.
        DeadLetter letter = Assert.Single(await WaitForDeadLettersAsync(hub.Backend));
        Assert.Equal("UnreadableMessage", letter.Kind);
        Assert.Contains(letter.Id, failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Contains(hub.Hub.Logs.Entries, e => e.EventId == QuarantinedEventId);
        if (fault == "conflict")
        {
            Assert.Contains(hub.Hub.Logs.Entries, e => e.EventId == InstanceNotFailedEventId && e.Message.Contains("victim", StringComparison.Ordinal));
        }
    }

    private static async Task<IReadOnlyList<DeadLetter>> WaitForDeadLettersAsync(AzureStorageOrchestrationBackend backend)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            IReadOnlyList<DeadLetter> letters = await backend.ListDeadLettersAsync();
            if (letters.Count > 0 || DateTime.UtcNow > deadline)
            {
                return letters;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Breaks the first <c>count</c> table batches that would record an UnreadableMessage failure: either another writer
    /// changes the instance row just before (the batch meets a 412 conflict) or the call fails like an outage.
    /// </summary>
    private sealed class FaultFailCommits(int count, bool conflict) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private int _injected;

        public TableClient? History { get; set; }

        public int Injected => Volatile.Read(ref _injected);

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == Azure.Core.RequestMethod.Post && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)
                && message.Request.Content is { } content && History is { } history && Volatile.Read(ref _injected) < count)
            {
                using var body = new MemoryStream();
                await content.WriteToAsync(body, message.CancellationToken);
                if (System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains("UnreadableMessage", StringComparison.Ordinal)
                    && Interlocked.Increment(ref _injected) <= count)
                {
                    if (!conflict)
                    {
                        throw new IOException("Simulated: the table is unreachable.");
                    }

                    // Another writer commits to the instance first: the batch's ETag no longer matches.
                    TableEntity row = (await history.GetEntityAsync<TableEntity>("victim", "!instance")).Value;
                    await history.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
                }
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
    }
}
