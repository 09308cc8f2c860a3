namespace Dealix.Runtime.Tests;

/// <summary>
/// What the engine does with the official versioning members: it honours the instance version it can keep, and
/// refuses with <see cref="NotSupportedException"/> what it cannot do yet, rather than ignoring it.
/// </summary>
public sealed class VersioningTests
{
    private static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<int, string>("Versioned", (context, generation) =>
        {
            if (generation < 2)
            {
                context.ContinueAsNew(generation + 1);
                return Task.FromResult(string.Empty);
            }

            return Task.FromResult(context.Version);
        })
        .AddOrchestratorFunc<string>("AsksForActivityVersion", context =>
            context.CallActivityAsync<string>("Echo", "x", new TaskOptions(retry: null) { Version = new TaskVersion("2") }))
        .AddOrchestratorFunc<string>("AsksForNewVersion", context =>
        {
            context.ContinueAsNew(new ContinueAsNewOptions { NewInput = null, NewVersion = "3" });
            return Task.FromResult(string.Empty);
        })
        .AddActivityFunc<string, string>("Echo", (_, x) => x);

    [Fact]
    public async Task StartWithVersion_IsTheContextVersion_AcrossContinueAsNew()
    {
        await using var host = await HostFixture.StartAsync(Register);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Versioned", 0, new StartOrchestrationOptions { Version = new TaskVersion("1.2") });

        Assert.Equal("1.2", await host.GetOutputAsync<string>(id));
    }

    [Fact]
    public async Task TaskOptionsVersion_FailsTheInstanceWithNotSupported()
    {
        await using var host = await HostFixture.StartAsync(Register);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("AsksForActivityVersion");

        OrchestrationMetadata done = await host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NotSupportedException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("TaskOptions.Version ('2' for activity 'Echo')", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContinueAsNewWithNewVersion_FailsTheInstanceWithNotSupported()
    {
        await using var host = await HostFixture.StartAsync(Register);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("AsksForNewVersion");

        OrchestrationMetadata done = await host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("NewVersion is not supported", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DedupeStatuses_IsRefusedBeforeAnythingIsStored()
    {
        await using var host = await HostFixture.StartAsync(Register);

        await Assert.ThrowsAsync<NotSupportedException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync(
            "Versioned", 0, new StartOrchestrationOptions("dedupe-1") { DedupeStatuses = ["Completed"] }));

        Assert.Null(await host.Client.GetInstanceAsync("dedupe-1"));
    }

    [Fact]
    public async Task Entities_AreRefusedWithAClearMessage()
    {
        await using var host = await HostFixture.StartAsync(Register);

        NotSupportedException error = Assert.Throws<NotSupportedException>(() => host.Client.Entities);
        Assert.Contains("entities", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<NotSupportedException>(() => new TaskCatalog(new DurableTaskRegistry().AddEntity("Counter", _ => null!)));
    }
}
