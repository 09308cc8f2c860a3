using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.Worker;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// Terminate before start on Azure Storage when the terminate and the start fall due together: no worker ran while the
/// StartAt passed, so both come out of the control queue in one receive. The terminate wins; the code never runs.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class TerminateBeforeStartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task TerminatedBeforeStartAt_StartAndTerminateDueTogether_StaysTerminated_NeverRuns()
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        int runs = 0;
        DurableTaskRegistry registry = new DurableTaskRegistry().AddOrchestratorFunc<string>("Later", context =>
        {
            if (!context.IsReplaying)
            {
                Interlocked.Increment(ref runs);
            }

            return Task.FromResult("ran");
        });
        var client = new BackendDurableTaskClient(hub.Backend, registry);

        // No worker yet: the start waits in its queue for its StartAt, the terminate goes in right behind it.
        string id = await client.ScheduleNewOrchestrationInstanceAsync(
            "Later", new StartOrchestrationOptions("later-1", StartAt: DateTimeOffset.UtcNow.AddSeconds(1)));
        await client.TerminateInstanceAsync(id, "cancelled before it started");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the StartAt passes while no worker runs

        await using var worker = new DurableTaskWorker(hub.Backend, registry);
        await worker.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("cancelled before it started", done.ReadOutputAs<string>());
        Assert.Equal(0, runs);
    }
}
