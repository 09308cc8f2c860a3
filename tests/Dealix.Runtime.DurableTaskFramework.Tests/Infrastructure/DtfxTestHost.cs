using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.DurableTaskFramework.Tests.Infrastructure;

/// <summary>
/// A <see cref="DtfxWorkerHost"/> on a task hub of its own in the fixture's Azurite, with short polling intervals
/// so timers and waits finish quickly. Disposing stops the worker and deletes the hub.
/// </summary>
public sealed class DtfxTestHost : IAsyncDisposable
{
    private readonly DtfxWorkerHost _host;
    private readonly ServiceProvider _services;
    private readonly ILoggerFactory _logging;

    private DtfxTestHost(DtfxWorkerHost host, DtfxOptions options, ServiceProvider services, ILoggerFactory logging)
    {
        _host = host;
        Options = options;
        _services = services;
        _logging = logging;
    }

    public DurableTaskClient Client => _host.Client;

    public DtfxOptions Options { get; }

    public IServiceProvider Services => _services;

    public static async Task<DtfxTestHost> StartAsync(
        AzuriteFixture azurite, ITestOutputHelper output, Action<TestTasks> tasks, Action<IServiceCollection>? services = null)
    {
        var registry = new TestTasks();
        tasks(registry);
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        ServiceProvider provider = collection.BuildServiceProvider();
        ILoggerFactory logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Dealix", LogLevel.Information)
            .AddProvider(new XunitLoggerProvider(output)));
        var options = new DtfxOptions
        {
            ConnectionString = azurite.ConnectionString,
            TaskHubName = "dtfx" + Guid.NewGuid().ToString("N")[..16],
            PartitionCount = 2,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250),
            StatusPollingInterval = TimeSpan.FromMilliseconds(100),
        };
        var host = new DtfxWorkerHost(options, registry.Orchestrators, registry.Activities, provider, logging);
        await host.StartAsync(CancellationToken.None);
        return new DtfxTestHost(host, options, provider, logging);
    }

    /// <summary>Waits for completion, bounded so a broken engine fails the test instead of hanging the run.</summary>
    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Reads the instance until <paramref name="condition"/> holds (bounded like <see cref="CompletionAsync"/>).</summary>
    public async Task<OrchestrationMetadata> UntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            OrchestrationMetadata? metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            if (metadata is not null && condition(metadata))
            {
                return metadata;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var forced = new CancellationTokenSource())
        {
            await forced.CancelAsync();
            await _host.StopAsync(forced.Token);
        }

        await _host.Service.DeleteAsync();
        await _host.DisposeAsync();
        await _services.DisposeAsync();
        _logging.Dispose();
    }
}

/// <summary>Name-to-factory pairs in the shape of the official registry's GetOrchestrators()/GetActivities().</summary>
public sealed class TestTasks
{
    public List<KeyValuePair<TaskName, Func<IServiceProvider, ITaskOrchestrator>>> Orchestrators { get; } = [];

    public List<KeyValuePair<TaskName, Func<IServiceProvider, ITaskActivity>>> Activities { get; } = [];

    public TestTasks AddOrchestrator<T>(string name)
        where T : ITaskOrchestrator
    {
        Orchestrators.Add(new(name, services => ActivatorUtilities.CreateInstance<T>(services)));
        return this;
    }

    public TestTasks AddActivity<T>(string name)
        where T : ITaskActivity
    {
        Activities.Add(new(name, services => ActivatorUtilities.CreateInstance<T>(services)));
        return this;
    }
}
