using System.Collections.Concurrent;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.Logging;
using Moq;

namespace Dealix.Runtime.Tests;

/// <summary>Replay: deterministic values, nondeterminism detection, recorded histories.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task ChangedOrchestrator_ReplayedAgainstOldHistory_FailsNamingStepAndBothActions()
    {
        bool changed = false;
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Onboard", async context =>
            {
                await context.CallActivityAsync<string>("VerifyCompany");
                if (changed)
                {
                    await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None); // the "new version" waits here
                }
                else
                {
                    await context.CallActivityAsync<string>("SendWelcome");
                }

                return await context.WaitForExternalEvent<string>("Kickoff");
            })
            .AddActivityFunc<object?, string>("VerifyCompany", (_, _) => "ok")
            .AddActivityFunc<object?, string>("SendWelcome", (_, _) => "sent"));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Onboard");
        await host.WaitForIdleAsync();
        changed = true; // deploy the changed code while the instance waits
        await host.Client.RaiseEventAsync(id, "Kickoff", "go");

        OrchestrationMetadata failed = await host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.True(failed.FailureDetails!.IsCausedBy<NonDeterministicOrchestrationException>());
        Assert.Contains("at step 1 the code created a timer", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("the history holds activity 'SendWelcome'", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedOrchestrator_DroppingAStep_IsDetected()
    {
        bool changed = false;
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("TwoSteps", async context =>
            {
                if (!changed)
                {
                    await context.CallActivityAsync<string>("First");
                }

                return await context.WaitForExternalEvent<string>("Done");
            })
            .AddActivityFunc<object?, string>("First", (_, _) => "1"));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("TwoSteps");
        await host.WaitForIdleAsync();
        changed = true;
        await host.Client.RaiseEventAsync(id, "Done", "x");

        OrchestrationMetadata failed = await host.GetInstanceAsync(id);
        Assert.Contains("at step 0 the code scheduled nothing, but the history holds activity 'First'", failed.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryReplayer_RecordedHistory_ReplaysAndChangedCopyIsRejected()
    {
        string recorded = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Histories", "hello-cities.completed.json"));
        IReadOnlyList<HistoryEvent> history = HistoryReplayer.Deserialize(recorded);
        var current = new DurableTaskRegistry().AddOrchestratorFunc<object?, List<string>>("HelloCities", async (context, _) =>
        {
            var greetings = new List<string>();
            foreach (string city in (string[])["Tokyo", "Seattle", "London"])
            {
                greetings.Add(await context.CallActivityAsync<string>("SayHello", city));
            }

            return greetings;
        });
        var reordered = new DurableTaskRegistry().AddOrchestratorFunc<object?, List<string>>("HelloCities", async (context, _) =>
        {
            await context.CallActivityAsync<string>("Audit");
            return [await context.CallActivityAsync<string>("SayHello", "Tokyo")];
        });

        HistoryReplayer.Replay(current, history);
        var error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(reordered, history));
        Assert.Contains("at step 0 the code scheduled activity 'Audit', but the history holds activity 'SayHello'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryReplayer_SavedHistoryOfARun_RoundTripsAndReplays()
    {
        static void Register(DurableTaskRegistry tasks) => tasks
            .AddOrchestratorFunc<int, int>("Chain", async (context, n) =>
            {
                int x = await context.CallActivityAsync<int>("Inc", n);
                await context.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
                x = await context.CallSubOrchestratorAsync<int>("Twice", x);
                context.SendEvent("elsewhere", "Note", x);
                return x + await context.WaitForExternalEvent<int>("Bonus");
            })
            .AddOrchestratorFunc<int, int>("Twice", (_, v) => Task.FromResult(v * 2))
            .AddActivityFunc<int, int>("Inc", (_, v) => v + 1);
        await using var host = await HostFixture.StartAsync(Register);
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 1);
        await host.Client.RaiseEventAsync(id, "Bonus", 10);
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(14, await host.GetOutputAsync<int>(id));

        string saved = HistoryReplayer.Serialize(await host.Client.GetHistoryAsync(id));
        var registry = new DurableTaskRegistry();
        Register(registry);

        HistoryReplayer.Replay(registry, HistoryReplayer.Deserialize(saved));
    }

    [Fact]
    public async Task NewGuidAndCurrentUtcDateTime_AreStableAcrossReplays()
    {
        var observed = new ConcurrentQueue<(Guid Guid, DateTime Now, bool Replaying)>();
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Stable", async context =>
            {
                observed.Enqueue((context.NewGuid(), context.CurrentUtcDateTime, context.IsReplaying));
                await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                return "done";
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Stable");
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(10));

        Assert.Equal("done", await host.GetOutputAsync<string>(id));
        var runs = observed.ToArray();
        Assert.Equal(3, runs.Length); // first run, then two replays
        Assert.Single(runs.Select(r => r.Guid).Distinct());
        Assert.Single(runs.Select(r => r.Now).Distinct());
        Assert.Equal([false, true, true], runs.Select(r => r.Replaying));
        Assert.Equal(HostFixture.MondayMorning.UtcDateTime, runs[0].Now);
    }

    [Fact]
    public async Task ReplaySafeLogger_WritesEachLineOnceDespiteReplays()
    {
        var lines = new ConcurrentQueue<string>();
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        logger.Setup(l => l.Log(It.IsAny<LogLevel>(), It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()))
            .Callback(new InvocationAction(call => lines.Enqueue(call.Arguments[2]!.ToString()!)));
        var factory = new Mock<ILoggerFactory>();
        factory.Setup(f => f.CreateLogger(It.IsAny<string>())).Returns(logger.Object);
        await using var host = await DurableTaskTestHost.StartAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(HostFixture.MondayMorning), tasks => tasks
            .AddOrchestratorFunc<string>("Chatty", async context =>
            {
                ILogger log = context.CreateReplaySafeLogger("Chatty");
                log.LogInformation("step one");
                await context.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
                log.LogInformation("step two");
                return "ok";
            }), loggerFactory: factory.Object);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chatty");
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("ok", await host.GetOutputAsync<string>(id));
        Assert.Equal(["step one", "step two"], lines.Where(l => l.StartsWith("step", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SetCustomStatus_IsVisibleWhileRunningAndTooLargeStatusFailsClearly()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Staged", async context =>
            {
                context.SetCustomStatus(new { stage = "qualified" });
                await context.WaitForExternalEvent<string>("Next");
                context.SetCustomStatus(new string('x', 9000));
                return "unreachable";
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Staged");
        OrchestrationMetadata running = await host.GetInstanceAsync(id);
        Assert.Equal("{\"stage\":\"qualified\"}", running.SerializedCustomStatus);

        await host.Client.RaiseEventAsync(id, "Next", "go");
        OrchestrationMetadata failed = await host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Contains("at most 16384 are allowed", failed.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContextUsedFromAnotherThread_FailsTheInstanceWithGuidance()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Escapes", async context =>
            {
                await Task.Run(() => { }).ConfigureAwait(false);
                return await context.CallActivityAsync<string>("Anything");
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Escapes");

        OrchestrationMetadata instance = await host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Matches("not durable|from another thread", instance.FailureDetails!.InnerFailure?.ErrorMessage ?? instance.FailureDetails.ErrorMessage);
    }
}
