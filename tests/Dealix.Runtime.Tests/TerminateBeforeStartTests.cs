using Dealix.Runtime.InMemory;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.Time.Testing;

namespace Dealix.Runtime.Tests;

/// <summary>
/// Terminate before start on the in-memory backend, when the terminate and the start fall due together: the worker was
/// not running when the StartAt passed, so one episode sees both. The terminate wins and the code never runs.
/// </summary>
public sealed class TerminateBeforeStartTests
{
    [Fact]
    public async Task TerminatedBeforeStartAt_StartAndTerminateDueTogether_StaysTerminated_NeverRuns()
    {
        var clock = new FakeTimeProvider(HostFixture.MondayMorning);
        var backend = new InMemoryOrchestrationBackend("TerminateHub", clock);
        int runs = 0;
        DurableTaskRegistry registry = new DurableTaskRegistry().AddOrchestratorFunc<string>("Later", context =>
        {
            if (!context.IsReplaying)
            {
                Interlocked.Increment(ref runs);
            }

            return Task.FromResult("ran");
        });
        var client = new BackendDurableTaskClient(backend, registry, timeProvider: clock);

        string id = await client.ScheduleNewOrchestrationInstanceAsync(
            "Later", new StartOrchestrationOptions("later-1", StartAt: clock.GetUtcNow().AddMinutes(5)));
        await client.TerminateInstanceAsync(id, "cancelled before it started");
        clock.Advance(TimeSpan.FromMinutes(10)); // the start falls due while no worker runs

        await using var worker = new DurableTaskWorker(backend, registry, timeProvider: clock);
        await worker.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        await backend.WaitForIdleAsync(timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("cancelled before it started", done.ReadOutputAs<string>());
        Assert.Equal(0, runs);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await client.GetInstanceAsync(id))!.RuntimeStatus);
    }
}
