using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>A worker process SIGKILLed in the middle of a run; a fresh one must finish everything correctly.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task WorkerKilledMidRun_FreshWorkerCompletesEveryInstanceWithRightOutput()
    {
        string hub = TestHub.NewName();
        string executions = Path.Combine(Path.GetTempPath(), hub + "-executions.log");
        await using HubScope scope = await HubScope.CreateAsync(azurite.ConnectionString, output, o => o.TaskHubName = hub);
        var client = new BackendDurableTaskClient(scope.Backend);
        WorkerProcess? first = null;
        WorkerProcess? second = null;
        try
        {
            // Everything is scheduled before the worker starts, so the kill finds a full pipeline.
            List<string> hello = await Completion.ScheduleManyAsync(client, 200, i =>
                client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.HelloCities, null, new StartOrchestrationOptions($"hello-{i:D3}")));
            List<string> timers = await Completion.ScheduleManyAsync(client, 50, i =>
                client.ScheduleNewOrchestrationInstanceAsync(SampleTasks.TimerThenHello, 6, new StartOrchestrationOptions($"timer-{i:D3}")));

            first = await WorkerProcess.StartAsync(azurite.ConnectionString, hub, executions);

            // Kill once a good part of the work is done and much is in flight.
            DateTime deadline = DateTime.UtcNow.AddSeconds(120);
            while (FileExecutionRecorder.Read(executions).Count < 250 && DateTime.UtcNow < deadline && !first.HasExited)
            {
                await Task.Delay(20);
            }

            await first.KillAsync();
            int beforeKill = FileExecutionRecorder.Read(executions).Count;
            int endedBeforeKill = 0;
            foreach (string id in hello)
            {
                endedBeforeKill += (await client.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? 1 : 0;
            }

            output.WriteLine($"SIGKILLed worker pid {first.Id} after {beforeKill} activity executions; {endedBeforeKill} of 200 HelloCities had completed");
            Assert.True(endedBeforeKill < 200, "the kill came after all HelloCities had completed: nothing was in flight");

            second = await WorkerProcess.StartAsync(azurite.ConnectionString, hub, executions);
            Dictionary<string, OrchestrationMetadata> done = await Completion.WaitForAllAsync(
                client, [.. hello, .. timers], TimeSpan.FromMinutes(4), output);

            foreach (string id in hello)
            {
                Assert.True(done[id].RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done[id].RuntimeStatus}: {done[id].FailureDetails}");
                Assert.Equal(SampleTasks.ExpectedHello, done[id].ReadOutputAs<List<string>>());
            }

            foreach (string id in timers)
            {
                Assert.True(done[id].RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done[id].RuntimeStatus}: {done[id].FailureDetails}");
                Assert.Equal("Hello Timer!", done[id].ReadOutputAs<string>());
            }

            var records = FileExecutionRecorder.Read(executions);
            int distinct = records.Select(r => (r.Key, r.Attempt)).Distinct().Count();
            Assert.Equal(200 * 5 + 50, distinct); // every logical activity call ran, none lost
            output.WriteLine(
                $"CRASH TEST: {records.Count} activity executions for {distinct} activity calls: {records.Count - distinct} duplicated " +
                $"({records.Count(r => r.Worker == $"pid{first.Id}")} by the killed worker, {records.Count(r => r.Worker == $"pid{second.Id}")} by the fresh one)");
        }
        finally
        {
            if (first is not null)
            {
                await first.DisposeAsync();
            }

            if (second is not null)
            {
                await second.DisposeAsync();
            }

            File.Delete(executions);
        }
    }
}
