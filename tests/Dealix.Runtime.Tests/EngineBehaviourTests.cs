using Dealix.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Runtime.Tests;

/// <summary>
/// The engine's behaviour, written once and run per backend: each backend's test project derives from this class
/// and says how to start a hub. Timers here are seconds long so the suite also runs on a real clock.
/// </summary>
public abstract class EngineBehaviourTests
{
    /// <summary>Starts a hub with the given tasks and services.</summary>
    protected abstract Task<IDurableTestHub> StartHubAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null);

    [Fact]
    public async Task CallActivityAsync_Sequence_ReturnsEachResultInOrder()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<int, int>("Sum", async (context, n) =>
            {
                int total = 0;
                for (int i = 1; i <= n; i++)
                {
                    total += await context.CallActivityAsync<int>("Square", i);
                }

                return total;
            })
            .AddActivityFunc<int, int>("Square", (_, x) => x * x));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Sum", 4);

        OrchestrationMetadata done = await hub.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1 + 4 + 9 + 16, done.ReadOutputAs<int>());
        Assert.Equal(4, done.ReadInputAs<int>());
    }

    [Fact]
    public async Task WaitForExternalEvent_RaisedBeforeWait_IsDelivered()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("LateWaiter", async context =>
            {
                await context.CreateTimer(TimeSpan.FromSeconds(2), CancellationToken.None);
                return await context.WaitForExternalEvent<string>("Approval");
            }));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("LateWaiter");
        await hub.Client.WaitForInstanceStartAsync(id);
        await hub.Client.RaiseEventAsync(id, "approval", "yes"); // names are case-insensitive
        await hub.AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.Equal("yes", (await hub.WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_NoEventWithinTimeout_ThrowsTaskCanceledAndLaterEventIsBuffered()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Impatient", async context =>
            {
                try
                {
                    await context.WaitForExternalEvent<string>("Answer", TimeSpan.FromSeconds(2));
                    return "answered";
                }
                catch (TaskCanceledException)
                {
                    // The timed-out wait must not swallow the next event.
                    string second = await context.WaitForExternalEvent<string>("Answer");
                    return $"timed out, then {second}";
                }
            }));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Impatient");
        await hub.Client.WaitForInstanceStartAsync(id);
        await hub.AdvanceTimeAsync(TimeSpan.FromSeconds(3));
        await hub.Client.RaiseEventAsync(id, "Answer", "late");

        Assert.Equal("timed out, then late", (await hub.WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WhenAny_EventBeatsTimer_CancelledTimerDoesNotKeepInstanceRunning()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Race", async context =>
            {
                using var cts = new CancellationTokenSource();
                Task<int> decided = context.WaitForExternalEvent<int>("Decided");
                Task deadline = context.CreateTimer(context.CurrentUtcDateTime.AddDays(2), cts.Token);
                if (await Task.WhenAny(decided, deadline) == decided)
                {
#pragma warning disable CA1849 // CancelAsync would run the callbacks off the orchestrator thread.
                    cts.Cancel();
#pragma warning restore CA1849
                    return $"decided {await decided}";
                }

                return "expired";
            }));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await hub.Client.WaitForInstanceStartAsync(id);
        await hub.Client.RaiseEventAsync(id, "Decided", 7);

        OrchestrationMetadata done = await hub.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("decided 7", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentSeesTaskFailedExceptionWithInnerDetails()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Parent", async context =>
            {
                try
                {
                    await context.CallSubOrchestratorAsync<string>("Child", "boom");
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    TaskFailureDetails inner = ex.FailureDetails.InnerFailure ?? ex.FailureDetails;
                    return $"{ex.TaskName}|{inner.ErrorType}|{inner.ErrorMessage}";
                }
            })
            .AddOrchestratorFunc<string, string>("Child", async (context, what) =>
                await context.CallActivityAsync<string>("Explode", what))
            .AddActivityFunc<string, string>("Explode", (_, what) => Task.FromException<string>(new InvalidOperationException($"activity said {what}"))));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Parent");

        Assert.Equal(
            "Child|System.InvalidOperationException|activity said boom",
            (await hub.WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_FixedInstanceId_ChildIsQueryableAndReturnsOutput()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Parent", context =>
                context.CallSubOrchestratorAsync<string>("Child", "x", new SubOrchestrationOptions(instanceId: "child-of-parent")))
            .AddOrchestratorFunc<string, string>("Child", (context, input) => Task.FromResult($"{input} from {context.Parent?.Name}")));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Parent");

        Assert.Equal("x from Parent", (await hub.WaitForCompletionAsync(id)).ReadOutputAs<string>());
        OrchestrationMetadata? child = await hub.Client.GetInstanceAsync("child-of-parent", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child?.RuntimeStatus);
    }

    [Fact]
    public async Task TerminateInstanceAsync_WaitingInstance_EndsTerminatedWithOutput()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Forever", context => context.WaitForExternalEvent<string>("Never")));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await hub.Client.WaitForInstanceStartAsync(id);
        await hub.Client.TerminateInstanceAsync(id, "operator stopped it");

        OrchestrationMetadata done = await hub.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("operator stopped it", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task TerminateInstanceAsync_BeforeItsStartAt_StaysTerminatedWhenTheStartFallsDue()
    {
        int runs = 0;
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Later", context =>
            {
                if (!context.IsReplaying)
                {
                    Interlocked.Increment(ref runs);
                }

                return Task.FromResult("ran");
            }));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(
            "Later", new StartOrchestrationOptions(StartAt: hub.Now.AddSeconds(2)));
        await hub.Client.TerminateInstanceAsync(id, "cancelled before it started");
        await hub.WaitUntilAsync(id, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Terminated);
        await hub.AdvanceTimeAsync(TimeSpan.FromSeconds(4));

        OrchestrationMetadata after = await hub.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, after.RuntimeStatus);
        Assert.Equal("cancelled before it started", after.ReadOutputAs<string>());
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task SuspendInstanceAsync_EventsWhileSuspended_AreHeldUntilResumed()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Pausable", async context =>
            {
                string first = await context.WaitForExternalEvent<string>("Step");
                context.SetCustomStatus($"after {first}");
                string second = await context.WaitForExternalEvent<string>("Step");
                return $"{first},{second}";
            }));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Pausable");
        await hub.Client.WaitForInstanceStartAsync(id);
        await hub.Client.RaiseEventAsync(id, "Step", "a");
        await hub.WaitUntilAsync(id, i => i.ReadCustomStatusAs<string>() == "after a");
        await hub.Client.SuspendInstanceAsync(id, "audit");
        await hub.WaitUntilAsync(id, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await hub.Client.RaiseEventAsync(id, "Step", "b");

        OrchestrationMetadata held = await hub.WaitUntilAsync(id, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        Assert.Null(held.SerializedOutput);

        await hub.Client.ResumeInstanceAsync(id, "audit done");
        OrchestrationMetadata done = await hub.WaitForCompletionAsync(id);
        Assert.Equal("a,b", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SendEvent_ToAnotherInstance_IsReceived()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Receiver", context => context.WaitForExternalEvent<string>("Ping"))
            .AddOrchestratorFunc<string, bool>("Sender", (context, target) =>
            {
                context.SendEvent(target, "Ping", "hello from sender");
                return Task.FromResult(true);
            }));

        string receiver = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Receiver", new StartOrchestrationOptions("receiver-1"));
        await hub.Client.WaitForInstanceStartAsync(receiver);
        string sender = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Sender", receiver);

        Assert.True((await hub.WaitForCompletionAsync(sender)).ReadOutputAs<bool>());
        Assert.Equal("hello from sender", (await hub.WaitForCompletionAsync(receiver)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_PreservesUnprocessedEventsIntoNextGeneration()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<int, int>("Counter", async (context, count) =>
            {
                await context.WaitForExternalEvent<string>("Tick");
                if (count + 1 == 3)
                {
                    return count + 1;
                }

                context.ContinueAsNew(count + 1);
                return count;
            }));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0);
        await hub.Client.WaitForInstanceStartAsync(id);
        for (int i = 0; i < 3; i++)
        {
            await hub.Client.RaiseEventAsync(id, "Tick", $"t{i}");
        }

        Assert.Equal(3, (await hub.WaitForCompletionAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallActivityAsync_UnknownActivity_FailsWithClearMessage()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("CallsNothing", context => context.CallActivityAsync<string>("DoesNotExist")));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("CallsNothing");

        OrchestrationMetadata done = await hub.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("No activity named 'DoesNotExist' is registered", done.FailureDetails!.InnerFailure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orchestrator_Throws_InstanceFailsWithExceptionDetails()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Broken", Task<string> (_) => throw new FormatException("bad lead data")));

        string id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Broken");

        OrchestrationMetadata done = await hub.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(FormatException).FullName, done.FailureDetails!.ErrorType);
        Assert.Equal("bad lead data", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task PurgeInstanceAsync_CompletedInstance_RemovesItAndRunningOneIsKept()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Quick", _ => Task.FromResult("done"))
            .AddOrchestratorFunc<string>("Waits", context => context.WaitForExternalEvent<string>("Go")));

        string done = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Quick");
        string running = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await hub.WaitForCompletionAsync(done);
        await hub.Client.WaitForInstanceStartAsync(running);

        Assert.Equal(1, (await hub.Client.PurgeInstanceAsync(done)).PurgedInstanceCount);
        Assert.Equal(0, (await hub.Client.PurgeInstanceAsync(running)).PurgedInstanceCount);
        Assert.Null(await hub.Client.GetInstanceAsync(done));
        Assert.NotNull(await hub.Client.GetInstanceAsync(running));
        Assert.Empty(await hub.Client.GetHistoryAsync(done));
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_IsSilentlyDropped()
    {
        await using IDurableTestHub hub = await StartHubAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Quick", _ => Task.FromResult("done")));

        await hub.Client.RaiseEventAsync("nobody-home", "Ping", "x");

        Assert.Null(await hub.Client.GetInstanceAsync("nobody-home"));
    }
}
