using Azure.Core;
using Azure.Core.Pipeline;
using Dealix.Runtime.AzureStorage.Tests.Infrastructure;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// An event sent to a child orchestration in the episode that starts it may reach the child's queue before the start
/// (an episode's messages are sent concurrently). It must wait for the child, not be dropped as addressed to nobody.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ChildEventOrderTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task EventToChild_OvertakesTheChildsStart_IsDeliveredToTheChild()
    {
        var slowStarts = new SlowStartMessages(TimeSpan.FromSeconds(2)); // the start of each instance reaches its queue late
        await using AzureStorageTestHub hub = await AzureStorageTestHub.StartAsync(azurite.ConnectionString, output, tasks => tasks
            .AddOrchestratorFunc<string, string>("Parent", async (context, _) =>
            {
                Task<string> child = context.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions { InstanceId = "child-1" });
                context.SendEvent("child-1", "Go", "from the parent");
                return await child;
            })
            .AddOrchestratorFunc<string, string>("Child", async (context, _) => await context.WaitForExternalEvent<string>("Go")),
            configure: o => o.QueuePolicy = slowStarts);

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Parent", null, new StartOrchestrationOptions("parent-1"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        OrchestrationMetadata done = await hub.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.True(slowStarts.Delayed > 0, "no start message went through the queue");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("from the parent", done.ReadOutputAs<string>());
    }

    /// <summary>Holds back every queue message that carries an orchestration start.</summary>
    private sealed class SlowStartMessages(TimeSpan delay) : HttpPipelinePolicy
    {
        private int _delayed;

        public int Delayed => Volatile.Read(ref _delayed);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Post && message.Request.Content is { } content)
            {
                using var body = new MemoryStream();
                await content.WriteToAsync(body, message.CancellationToken);
                if (System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains("ExecutionStarted", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _delayed);
                    await Task.Delay(delay);
                }
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
    }
}
