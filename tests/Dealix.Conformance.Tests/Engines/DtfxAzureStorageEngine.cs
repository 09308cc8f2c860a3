using Dealix.Runtime.DurableTaskFramework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Conformance.Tests.Engines;

/// <summary>
/// Microsoft's engine as the app's fallback provider: DurableTask.Core's TaskHubWorker over DurableTask.AzureStorage
/// (runtime/Dealix.Runtime.DurableTaskFramework), on a fresh task hub in the suite's Azurite, deleted on dispose.
/// </summary>
public sealed class DtfxAzureStorageEngine(DtfxWorkerHost host, ServiceProvider services) : IEngineUnderTest
{
    public string Name => EngineNames.DtfxAzureStorage;

    public DurableTaskClient Client => host.Client;

    public static async Task<IEngineUnderTest> StartAsync(string connectionString, Action<DurableTaskRegistry> tasks)
    {
        var registry = new DurableTaskRegistry();
        tasks(registry);
        ServiceProvider services = new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider();

        // Short polling, as the provider's own Azurite tests use: the default 30 s back-off would stall timers and events.
        var options = new DtfxOptions
        {
            ConnectionString = connectionString,
            TaskHubName = "dtfx" + Guid.NewGuid().ToString("N")[..16],
            PartitionCount = 2,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250),
            StatusPollingInterval = TimeSpan.FromMilliseconds(100),
        };
        var host = new DtfxWorkerHost(options, registry.GetOrchestrators(), registry.GetActivities(), services, NullLoggerFactory.Instance);
        await host.StartAsync(CancellationToken.None);
        return new DtfxAzureStorageEngine(host, services);
    }

    public async ValueTask DisposeAsync()
    {
        using (var forced = new CancellationTokenSource())
        {
            await forced.CancelAsync();
            await host.StopAsync(forced.Token);
        }

        await host.Service.DeleteAsync();
        await host.DisposeAsync();
        await services.DisposeAsync();
    }
}
