using System.Collections.Concurrent;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.Tests;

/// <summary>Behaviour that needs the virtual clock: long timers, backoff schedules, large fan-outs.</summary>
public sealed class VirtualClockTests
{
    [Fact]
    public async Task CreateTimer_ThirtyDays_FiresAtExactlyThirtyDaysOnTheVirtualClock()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<DateTime>("Cadence", async context =>
            {
                await context.CreateTimer(TimeSpan.FromDays(30), CancellationToken.None);
                return context.CurrentUtcDateTime;
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Cadence");
        await host.AdvanceTimeAsync(TimeSpan.FromDays(29));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.GetInstanceAsync(id)).RuntimeStatus);

        await host.AdvanceTimeAsync(TimeSpan.FromDays(1));

        Assert.Equal(HostFixture.MondayMorning.UtcDateTime.AddDays(30), await host.GetOutputAsync<DateTime>(id));
    }

    [Fact]
    public async Task RetryPolicy_FailsTwice_RetriesAfterBackoffWithStableIdempotencyKey()
    {
        var attempts = new ConcurrentQueue<(int Attempt, string Key, DateTimeOffset At)>();
        DurableTaskTestHostRef? hostRef = new();
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Flaky", context => context.CallActivityAsync<string>(
                "Unreliable", null, TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(10), backoffCoefficient: 2.0))))
            .AddActivityFunc<object?, string>("Unreliable", (context, _) =>
            {
                attempts.Enqueue((((Worker.ActivityInvocationContext)context).Attempt, ((Worker.ActivityInvocationContext)context).IdempotencyKey, hostRef.Clock!.GetUtcNow()));
                return ((Worker.ActivityInvocationContext)context).Attempt < 3 ? throw new TimeoutException("provider timed out") : $"ok on attempt {((Worker.ActivityInvocationContext)context).Attempt}";
            }));
        hostRef.Clock = host.Clock;

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Flaky");
        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(9));
        Assert.Single(attempts);
        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, attempts.Count);
        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("ok on attempt 3", await host.GetOutputAsync<string>(id));
        var seen = attempts.ToArray();
        Assert.Equal([1, 2, 3], seen.Select(a => a.Attempt));
        Assert.Single(seen.Select(a => a.Key).Distinct());
        Assert.StartsWith($"{id}:", seen[0].Key, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)], seen.Select(a => a.At - HostFixture.MondayMorning));
    }

    [Fact]
    public async Task RetryPolicy_AttemptsExhausted_SurfacesLastFailure()
    {
        int calls = 0;
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("GivesUp", context => context.CallActivityAsync<string>(
                "AlwaysFails", null, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMinutes(1)))))
            .AddActivityFunc<object?, string>("AlwaysFails", (context, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromException<string>(new InvalidOperationException($"attempt {((Worker.ActivityInvocationContext)context).Attempt} failed"));
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("GivesUp");
        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));

        OrchestrationMetadata done = await host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(3, calls);
        Assert.Equal("attempt 3 failed", done.FailureDetails!.InnerFailure!.ErrorMessage);
    }

    [Fact]
    public async Task RetryPolicy_HandleFailureRejects_DoesNotRetryPermanentFailure()
    {
        int calls = 0;
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => !f.IsCausedBy<ArgumentException>() };
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Permanent", context => context.CallActivityAsync<string>("Rejects", null, TaskOptions.FromRetryPolicy(policy)))
            .AddActivityFunc<object?, string>("Rejects", (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromException<string>(new ArgumentOutOfRangeException("phone", "not a Saudi mobile number"));
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Permanent");
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await host.GetInstanceAsync(id)).RuntimeStatus);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RetryPolicy_RetryTimeoutElapsed_StopsRetrying()
    {
        int calls = 0;
        var policy = new RetryPolicy(100, TimeSpan.FromMinutes(1), retryTimeout: TimeSpan.FromMinutes(2.5));
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Bounded", context => context.CallActivityAsync<string>("Fails", null, TaskOptions.FromRetryPolicy(policy)))
            .AddActivityFunc<object?, string>("Fails", (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromException<string>(new TimeoutException());
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Bounded");
        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await host.GetInstanceAsync(id)).RuntimeStatus);
        Assert.Equal(4, calls); // at 0, 1, 2 and 3 minutes; the retry after 3 minutes is past the 2.5-minute timeout
    }

    [Fact]
    public async Task CustomRetryHandler_DecidesFromFailureAndAttempt()
    {
        var attemptsSeen = new ConcurrentQueue<int>();
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Handled", context => context.CallActivityAsync<string>(
                "FailsTwice",
                null,
                TaskOptions.FromRetryHandler(retry => retry.LastFailure.IsCausedBy<TimeoutException>() && retry.LastAttemptNumber < 3)))
            .AddActivityFunc<object?, string>("FailsTwice", (context, _) =>
            {
                attemptsSeen.Enqueue(((Worker.ActivityInvocationContext)context).Attempt);
                return ((Worker.ActivityInvocationContext)context).Attempt <= 2 ? Task.FromException<string>(new TimeoutException()) : Task.FromResult("third time lucky");
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Handled");

        Assert.Equal("third time lucky", await host.GetOutputAsync<string>(id));
        Assert.Equal([1, 2, 3], attemptsSeen);
    }

    [Fact]
    public async Task FanOutFanIn_ThousandActivities_AllResultsAggregated()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<int, long>("FanOut", async (context, n) =>
            {
                var work = new List<Task<int>>(n);
                for (int i = 0; i < n; i++)
                {
                    work.Add(context.CallActivityAsync<int>("Double", i));
                }

                int[] results = await Task.WhenAll(work);
                return results.Sum(r => (long)r);
            })
            .AddActivityFunc<int, int>("Double", (_, x) => x * 2));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 1000);

        Assert.Equal(999L * 1000, await host.GetOutputAsync<long>(id));
        var history = await host.Client.GetHistoryAsync(id);
        Assert.Equal(1000, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
    }

    [Fact]
    public async Task ContinueAsNew_HundredGenerations_HistoryStaysBounded()
    {
        int maxHistory = 0;
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<int, int>("Eternal", async (context, generation) =>
            {
                await context.CallActivityAsync<int>("Touch", generation);
                await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                if (generation == 100)
                {
                    return generation;
                }

                context.ContinueAsNew(generation + 1);
                return generation;
            })
            .AddActivityFunc<int, int>("Touch", (_, g) => g));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Eternal", 1);
        for (int hour = 0; hour < 100; hour++)
        {
            await host.AdvanceTimeAsync(TimeSpan.FromHours(1));
            maxHistory = Math.Max(maxHistory, (await host.Client.GetHistoryAsync(id)).Count);
        }

        Assert.Equal(100, await host.GetOutputAsync<int>(id));
        Assert.InRange(maxHistory, 1, 15);
    }

    [Fact]
    public async Task ContinueAsNew_DiscardingUnprocessedEvents_NextGenerationDoesNotSeeThem()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<int, string>("Forgetful", async (context, generation) =>
            {
                if (generation == 0)
                {
                    await context.WaitForExternalEvent<string>("Go");
                    await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                    context.ContinueAsNew(1, preserveUnprocessedEvents: false);
                    return "first";
                }

                try
                {
                    return await context.WaitForExternalEvent<string>("Extra", TimeSpan.FromMinutes(1));
                }
                catch (TaskCanceledException)
                {
                    return "nothing carried over";
                }
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Forgetful", 0);
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "Go", "now");
        await host.Client.RaiseEventAsync(id, "Extra", "should be dropped");
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(10));

        Assert.Equal("nothing carried over", await host.GetOutputAsync<string>(id));
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_StartAt_StaysPendingUntilDue()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<DateTime>("Delayed", context => Task.FromResult(context.CurrentUtcDateTime)));

        DateTimeOffset startAt = HostFixture.MondayMorning.AddHours(3);
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Delayed", new StartOrchestrationOptions(StartAt: startAt));
        await host.AdvanceTimeAsync(TimeSpan.FromHours(2));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.GetInstanceAsync(id)).RuntimeStatus);

        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));

        Assert.Equal(startAt.UtcDateTime, await host.GetOutputAsync<DateTime>(id));
    }

    private sealed class DurableTaskTestHostRef
    {
        public TimeProvider? Clock { get; set; }
    }
}
