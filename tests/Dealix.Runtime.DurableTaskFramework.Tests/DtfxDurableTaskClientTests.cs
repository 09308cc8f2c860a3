using Dealix.Runtime.DurableTaskFramework.Tests.Infrastructure;
using Dealix.Runtime.DurableTaskFramework.Tests.Tasks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Runtime.DurableTaskFramework.Tests;

/// <summary>
/// The official client and SDK orchestrators on Microsoft's engine (DurableTask.Core's TaskHubWorker over
/// DurableTask.AzureStorage) against Azurite. Every test has its own task hub.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DtfxDurableTaskClientTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly string[] Cities = ["Riyadh", "Jeddah", "Dammam", "Tokyo", "London"];

    private Task<DtfxTestHost> StartAsync(Action<TestTasks> tasks, Action<IServiceCollection>? services = null) =>
        DtfxTestHost.StartAsync(azurite, output, tasks, services);

    [Fact]
    public async Task ScheduleNew_FiveActivitySequence_CompletesWithEveryResultInOrder()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<GreetCities>(GreetCities.Name).AddActivity<Greet>(Greet.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetCities.Name, Cities);
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(GreetCities.Name, done.Name);
        Assert.Equal(Cities.Select(c => $"Hello {c}!"), done.ReadOutputAs<List<string>>());
        Assert.Equal(Cities, done.ReadInputAs<string[]>());
        Assert.True(done.LastUpdatedAt >= done.CreatedAt);
        Assert.Null(done.FailureDetails);
    }

    [Fact]
    public async Task CreateTimer_DurableTimer_FiresAndTheInstanceCompletes()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<Nap>(Nap.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(Nap.Name, 1500);
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("rested", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEvent_WaitingInstance_CompletesWithThePayload()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<AwaitApproval>(AwaitApproval.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            AwaitApproval.Name, new StartOrchestrationOptions(InstanceId: "deal:t1:c1"));
        OrchestrationMetadata started = await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.RaiseEventAsync(id, AwaitApproval.Approved, "sara");
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal("deal:t1:c1", id);
        Assert.NotEqual(OrchestrationRuntimeStatus.Pending, started.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("approved by sara", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SetCustomStatus_RunningInstance_IsReadableThroughTheClient()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<AwaitApproval>(AwaitApproval.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(AwaitApproval.Name);
        OrchestrationMetadata waiting = await host.UntilAsync(id, m => m.SerializedCustomStatus is not null);
        await host.Client.RaiseEventAsync(id, AwaitApproval.Approved, "omar");
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal(new ProgressStatus("awaiting-approval", 2), waiting.ReadCustomStatusAs<ProgressStatus>());
        Assert.Equal(new ProgressStatus("awaiting-approval", 2), done.ReadCustomStatusAs<ProgressStatus>());
    }

    [Fact]
    public async Task SuspendResume_EventWhileSuspended_IsDeliveredAfterResume()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<AwaitApproval>(AwaitApproval.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(AwaitApproval.Name);
        await host.UntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await host.Client.SuspendInstanceAsync(id, "operator pause");
        OrchestrationMetadata suspended = await host.UntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await host.Client.RaiseEventAsync(id, AwaitApproval.Approved, "lina");
        await host.Client.ResumeInstanceAsync(id, "operator resume");
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, suspended.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("approved by lina", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task TerminateInstance_WithOutput_EndsTerminatedWithThatOutput()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<AwaitApproval>(AwaitApproval.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(AwaitApproval.Name);
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.TerminateInstanceAsync(id, new Verdict("ops", "duplicate deal"));
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal(new Verdict("ops", "duplicate deal"), done.ReadOutputAs<Verdict>());
    }

    [Fact]
    public async Task FailingActivity_Unhandled_FailsWithTheActivityFailureAsInnerDetails()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<CallExplode>(CallExplode.Name).AddActivity<Explode>(Explode.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(CallExplode.Name);
        OrchestrationMetadata done = await host.CompletionAsync(id);
        output.WriteLine(done.FailureDetails?.ToString());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        TaskFailureDetails failure = Assert.IsType<TaskFailureDetails>(done.FailureDetails);
        Assert.Equal(typeof(TaskFailedException).FullName, failure.ErrorType);
        Assert.Contains(Explode.Name, failure.ErrorMessage, StringComparison.Ordinal);
        TaskFailureDetails activityFailure = Assert.IsType<TaskFailureDetails>(failure.InnerFailure);
        Assert.Equal(typeof(InvalidOperationException).FullName, activityFailure.ErrorType);
        Assert.Equal("boom", activityFailure.ErrorMessage);
        Assert.Contains(nameof(Explode), activityFailure.StackTrace, StringComparison.Ordinal);
        Assert.Equal(typeof(FormatException).FullName, activityFailure.InnerFailure?.ErrorType);
        Assert.Equal("bad fuse", activityFailure.InnerFailure?.ErrorMessage);
        Assert.True(failure.IsCausedBy<TaskFailedException>());
        Assert.Equal(failure.ErrorMessage, done.SerializedOutput); // a failed instance's output is its error message, as on the SDK's clients
    }

    [Fact]
    public async Task CallSubOrchestrator_ChildSeesParentAndChildFailureReachesParent()
    {
        await using DtfxTestHost host = await StartAsync(t => t
            .AddOrchestrator<SuperviseChildren>(SuperviseChildren.Name).AddOrchestrator<ReportParent>(ReportParent.Name)
            .AddOrchestrator<CallExplode>(CallExplode.Name).AddActivity<Explode>(Explode.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(SuperviseChildren.Name, new StartOrchestrationOptions("supervisor"));
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(
            $"{SuperviseChildren.Name}/supervisor | {typeof(TaskFailedException).FullName} > {typeof(InvalidOperationException).FullName}: boom",
            done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstance_CompletedInstance_DeletesItButRefusesARunningOne()
    {
        await using DtfxTestHost host = await StartAsync(t => t
            .AddOrchestrator<GreetCities>(GreetCities.Name).AddActivity<Greet>(Greet.Name)
            .AddOrchestrator<AwaitApproval>(AwaitApproval.Name));

        string done = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetCities.Name, Cities);
        string running = await host.Client.ScheduleNewOrchestrationInstanceAsync(AwaitApproval.Name);
        await host.CompletionAsync(done);
        await host.Client.WaitForInstanceStartAsync(running);

        PurgeResult purged = await host.Client.PurgeInstanceAsync(done);
        PurgeResult missing = await host.Client.PurgeInstanceAsync("no-such-instance");

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(done));
        Assert.Equal(0, missing.PurgedInstanceCount);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.PurgeInstanceAsync(running));
        Assert.NotNull(await host.Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task PurgeAllInstances_ByStatusFilter_DeletesOnlyMatchingInstances()
    {
        await using DtfxTestHost host = await StartAsync(t => t
            .AddOrchestrator<GreetCities>(GreetCities.Name).AddActivity<Greet>(Greet.Name)
            .AddOrchestrator<AwaitApproval>(AwaitApproval.Name));

        DateTimeOffset before = DateTimeOffset.UtcNow.AddMinutes(-1);
        string[] completed = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            host.Client.ScheduleNewOrchestrationInstanceAsync(GreetCities.Name, Cities, new StartOrchestrationOptions($"done-{i}"))));
        string running = await host.Client.ScheduleNewOrchestrationInstanceAsync(AwaitApproval.Name, new StartOrchestrationOptions("still-running"));
        foreach (string id in completed)
        {
            await host.CompletionAsync(id);
        }

        await host.Client.WaitForInstanceStartAsync(running);

        PurgeResult purged = await host.Client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(CreatedFrom: before, Statuses: [OrchestrationRuntimeStatus.Completed]));

        Assert.Equal(3, purged.PurgedInstanceCount);
        foreach (string id in completed)
        {
            Assert.Null(await host.Client.GetInstanceAsync(id));
        }

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(running))?.RuntimeStatus);
    }

    [Fact]
    public async Task GetAllInstances_ByPrefixWithSmallPages_ReturnsEveryMatchOnceAcrossPages()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<GreetCities>(GreetCities.Name).AddActivity<Greet>(Greet.Name));

        string[] wanted = Enumerable.Range(0, 5).Select(i => $"tenant-a:{i}").ToArray();
        string[] other = ["tenant-b:0", "tenant-b:1"];
        await Task.WhenAll(wanted.Concat(other).Select(id =>
            host.Client.ScheduleNewOrchestrationInstanceAsync(GreetCities.Name, Cities, new StartOrchestrationOptions(id))));
        foreach (string id in wanted)
        {
            await host.CompletionAsync(id);
        }

        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (Page<OrchestrationMetadata> page in host.Client
            .GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "tenant-a:", PageSize = 2, FetchInputsAndOutputs = true })
            .AsPages())
        {
            pages.Add(page);
        }

        List<OrchestrationMetadata> found = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(wanted, found.Select(m => m.InstanceId).Order(StringComparer.Ordinal));
        Assert.All(pages, page => Assert.True(page.Values.Count <= 2));
        Assert.True(pages.Count >= 3);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.All(found, m => Assert.Equal($"Hello {Cities[0]}!", m.ReadOutputAs<List<string>>()![0]));

        // A page resumed from a continuation token picks up where the previous page stopped.
        Page<OrchestrationMetadata> first = pages[0];
        var resumed = new List<string>();
        await foreach (OrchestrationMetadata m in host.Client.GetAllInstancesAsync(
            new OrchestrationQuery { InstanceIdPrefix = "tenant-a:", PageSize = 2, ContinuationToken = first.ContinuationToken }))
        {
            resumed.Add(m.InstanceId);
        }

        Assert.Equal(wanted.Except(first.Values.Select(m => m.InstanceId)), resumed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Restart_CompletedInstance_RunsAgainWithTheSameInput()
    {
        var counter = new RunCounter();
        await using DtfxTestHost host = await StartAsync(
            t => t.AddOrchestrator<CountRuns>(CountRuns.Name).AddActivity<IncrementRunCount>(IncrementRunCount.Name),
            services => services.AddSingleton(counter));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(CountRuns.Name, "deal-7", new StartOrchestrationOptions("restart-me"));
        OrchestrationMetadata first = await host.CompletionAsync(id);

        string sameId = await host.Client.RestartAsync(id);
        OrchestrationMetadata second = await host.CompletionAsync(sameId);
        string newId = await host.Client.RestartAsync(id, restartWithNewInstanceId: true);
        OrchestrationMetadata third = await host.CompletionAsync(newId);

        Assert.Equal("deal-7#1", first.ReadOutputAs<string>());
        Assert.Equal(id, sameId);
        Assert.Equal("deal-7#2", second.ReadOutputAs<string>());
        Assert.NotEqual(id, newId);
        Assert.Equal("deal-7#3", third.ReadOutputAs<string>());
        Assert.Equal("deal-7", third.ReadInputAs<string>());
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RestartAsync("no-such-instance"));
    }

    [Fact]
    public async Task ScheduleNew_StartAtAndTags_StaysPendingThenRunsWithItsTags()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<GreetCities>(GreetCities.Name).AddActivity<Greet>(Greet.Name));

        var options = new StartOrchestrationOptions("later", StartAt: DateTimeOffset.UtcNow.AddSeconds(3))
        {
            Tags = new Dictionary<string, string> { ["tenant"] = "t1", ["source"] = "whatsapp" },
        };
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetCities.Name, Cities, options);
        OrchestrationMetadata? pending = await host.Client.GetInstanceAsync(id);
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("t1", done.Tags["tenant"]);
        Assert.Equal("whatsapp", done.Tags["source"]);
    }

    [Fact]
    public async Task WaitForInstanceCompletion_Cancelled_StopsWaiting()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<AwaitApproval>(AwaitApproval.Name));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(AwaitApproval.Name);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.WaitForInstanceCompletionAsync(id, cancellation: cancel.Token));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.UntilAsync(id, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending)).RuntimeStatus);
    }

    [Fact]
    public async Task ClientWithItsOwnConnection_StartsAndReadsInstancesOfTheWorkersHub()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<GreetCities>(GreetCities.Name).AddActivity<Greet>(Greet.Name));
        await using var client = new DtfxDurableTaskClient(host.Options);

        string id = await client.ScheduleNewOrchestrationInstanceAsync(GreetCities.Name, Cities);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(host.Options.TaskHubName, client.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal($"Hello {Cities[4]}!", done.ReadOutputAs<List<string>>()![4]);
    }

    [Fact]
    public async Task Entities_OnThisEngine_ThrowNotSupportedWithTheReason()
    {
        await using DtfxTestHost host = await StartAsync(t => t.AddOrchestrator<AwaitApproval>(AwaitApproval.Name));

        NotSupportedException e = Assert.Throws<NotSupportedException>(() => host.Client.Entities);
        Assert.Contains("entities", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
