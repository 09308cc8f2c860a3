
namespace Dealix.Runtime.Tests;

/// <summary>The client API: starts, refusals, queries, purges, restarts.</summary>
public sealed class ClientTests
{
    private static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<string, string>("Echo", (context, input) => Task.FromResult($"echo {input}"))
        .AddOrchestratorFunc<string>("Waits", context => context.WaitForExternalEvent<string>("Go"));

    public static TheoryData<string, string> MalformedIds => new()
    {
        { string.Empty, "must not be empty" },
        { new string('a', 101), "at most 100" },
        { "deal:acme\u0001", "control character" },
        { "deal/acme", "'/'" },
        { "deal\\acme", "'\\'" },
        { "deal#1", "'#'" },
        { "deal?x=1", "'?'" },
        { "   ", "whitespace" },
    };

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task Schedule_MalformedInstanceId_IsRefusedAndNothingIsCreated(string instanceId, string reason)
    {
        await using var host = await HostFixture.StartAsync(Register);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x", new StartOrchestrationOptions(instanceId)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(host.Client));
    }

    [Fact]
    public async Task Schedule_UnknownOrchestrator_IsRefusedAndNothingIsCreated()
    {
        await using var host = await HostFixture.StartAsync(Register);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync("NoSuchFlow"));

        Assert.Contains("No orchestrator named 'NoSuchFlow'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(host.Client));
    }

    [Fact]
    public async Task Schedule_InputThatCannotBeSerialized_IsRefusedAndNothingIsCreated()
    {
        await using var host = await HostFixture.StartAsync(Register);
        var cyclic = new Node();
        cyclic.Next = cyclic;

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", cyclic, new StartOrchestrationOptions("cyclic")));

        Assert.Contains("cannot be serialized", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetInstanceAsync("cyclic"));
    }

    [Fact]
    public async Task Schedule_IdOfRunningInstance_IsRefusedAndRunningInstanceIsUntouched()
    {
        await using var host = await HostFixture.StartAsync(Register);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("deal:acme:c1"));
        await host.WaitForIdleAsync();

        var error = await Assert.ThrowsAsync<DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x", new StartOrchestrationOptions("deal:acme:c1")));

        Assert.Contains("is Running", error.Message, StringComparison.Ordinal);
        OrchestrationMetadata instance = await host.GetInstanceAsync("deal:acme:c1");
        Assert.Equal("Waits", instance.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance.RuntimeStatus);
    }

    [Fact]
    public async Task Schedule_IdOfCompletedInstance_ReplacesIt()
    {
        await using var host = await HostFixture.StartAsync(Register);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "one", new StartOrchestrationOptions("reused"));
        Assert.Equal("echo one", await host.GetOutputAsync<string>("reused"));

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "two", new StartOrchestrationOptions("reused"));

        Assert.Equal("echo two", await host.GetOutputAsync<string>("reused"));
    }

    [Fact]
    public async Task GetInstanceAsync_WithoutInputsAndOutputs_DoesNotExposePayloads()
    {
        await using var host = await HostFixture.StartAsync(Register);
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "secret");
        await host.WaitForIdleAsync();

        OrchestrationMetadata? bare = await host.Client.GetInstanceAsync(id);
        OrchestrationMetadata? full = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        Assert.Null(bare!.SerializedInput);
        Assert.Throws<InvalidOperationException>(() => bare.ReadOutputAs<string>());
        Assert.Equal("secret", full!.ReadInputAs<string>());
        Assert.Equal("echo secret", full.ReadOutputAs<string>());
        Assert.Equal(HostFixture.MondayMorning, full.CreatedAt);
        Assert.Null(await host.Client.GetInstanceAsync("unknown-id"));
    }

    [Fact]
    public async Task GetAllInstancesAsync_FiltersAndPagesWithContinuationTokens()
    {
        await using var host = await HostFixture.StartAsync(Register);
        for (int i = 0; i < 7; i++)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", $"{i}", new StartOrchestrationOptions($"deal:acme:{i}"));
        }

        await host.WaitForIdleAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("deal:other:1"));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("deal:acme:late"));
        await host.WaitForIdleAsync();

        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in host.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: "deal:acme:", PageSize: 3)).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([3, 3, 2], pages.Select(p => p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(8, pages.SelectMany(p => p.Values).Select(i => i.InstanceId).Distinct().Count());

        var running = await AllAsync(host.Client, new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running]));
        Assert.Equal(["deal:acme:late", "deal:other:1"], running.Select(i => i.InstanceId));

        var early = await AllAsync(host.Client, new OrchestrationQuery(CreatedTo: HostFixture.MondayMorning.AddMinutes(30)));
        Assert.Equal(7, early.Count);
        var late = await AllAsync(host.Client, new OrchestrationQuery(CreatedFrom: HostFixture.MondayMorning.AddMinutes(30), FetchInputsAndOutputs: true));
        Assert.Equal(2, late.Count);
    }

    [Fact]
    public async Task PurgeAllInstancesAsync_ByFilter_RemovesOnlyEndedMatches()
    {
        await using var host = await HostFixture.StartAsync(Register);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "a", new StartOrchestrationOptions("old-done"));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("old-running"));
        await host.WaitForIdleAsync();
        host.Clock.Advance(TimeSpan.FromDays(40));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "b", new StartOrchestrationOptions("new-done"));
        await host.WaitForIdleAsync();

        PurgeResult purged = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedTo: HostFixture.MondayMorning.AddDays(30)));

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("old-done"));
        Assert.NotNull(await host.Client.GetInstanceAsync("old-running"));
        Assert.NotNull(await host.Client.GetInstanceAsync("new-done"));
    }

    [Fact]
    public async Task RestartAsync_SameIdAndNewId_RunsAgainWithOriginalInput()
    {
        await using var host = await HostFixture.StartAsync(Register);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "lead-42", new StartOrchestrationOptions("restartable"));
        await host.WaitForIdleAsync();

        string same = await host.Client.RestartAsync("restartable");
        string fresh = await host.Client.RestartAsync("restartable", restartWithNewInstanceId: true);

        Assert.Equal("restartable", same);
        Assert.NotEqual("restartable", fresh);
        Assert.Equal("echo lead-42", await host.GetOutputAsync<string>(same));
        Assert.Equal("echo lead-42", await host.GetOutputAsync<string>(fresh));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RestartAsync("never-existed"));
    }

    [Fact]
    public async Task RestartAsync_RunningInstance_TerminatesItAndStartsOver()
    {
        await using var host = await HostFixture.StartAsync(Register);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits", new StartOrchestrationOptions("stuck"));
        await host.WaitForIdleAsync();

        await host.Client.RestartAsync("stuck");
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync("stuck", "Go", "second run");

        Assert.Equal("second run", await host.GetOutputAsync<string>("stuck"));
    }

    [Fact]
    public async Task WaitForInstanceCompletionAsync_ReturnsWhenDone()
    {
        await using var host = await HostFixture.StartAsync(Register);
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await host.Client.WaitForInstanceStartAsync(id);

        Task<OrchestrationMetadata> waiting = host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Assert.False(waiting.IsCompleted);
        await host.Client.RaiseEventAsync(id, "Go", "now");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        OrchestrationMetadata done = await waiting.WaitAsync(timeout.Token);
        Assert.Equal("now", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task TerminateInstanceAsync_Recursive_TerminatesRunningChildren()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Parent", context => context.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions(instanceId: "the-child")))
            .AddOrchestratorFunc<string>("Child", context => context.WaitForExternalEvent<string>("Never")));
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        await host.WaitForIdleAsync();

        await host.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions("shutdown", Recursive: true));

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.GetInstanceAsync(id)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.GetInstanceAsync("the-child")).RuntimeStatus);
    }

    [Fact]
    public async Task TerminateInstanceAsync_ChildTerminated_ParentSeesFailure()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Parent", async context =>
            {
                try
                {
                    return await context.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions(instanceId: "victim"));
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorMessage;
                }
            })
            .AddOrchestratorFunc<string>("Child", context => context.WaitForExternalEvent<string>("Never")));
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        await host.WaitForIdleAsync();

        await host.Client.TerminateInstanceAsync("victim", "cancelled by operator");

        Assert.Contains("was terminated", await host.GetOutputAsync<string>(id), StringComparison.Ordinal);
    }

    private static async Task<List<OrchestrationMetadata>> AllAsync(DurableTaskClient client, OrchestrationQuery? query = null)
    {
        var all = new List<OrchestrationMetadata>();
        await foreach (OrchestrationMetadata instance in client.GetAllInstancesAsync(query))
        {
            all.Add(instance);
        }

        return all;
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}
