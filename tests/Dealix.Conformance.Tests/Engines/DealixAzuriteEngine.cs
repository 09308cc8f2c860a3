using Dealix.Runtime.AzureStorage;
using Dealix.Runtime.Client;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Conformance.Tests.Engines;

/// <summary>The Dealix engine on its Azure Storage backend, on a fresh task hub in the suite's Azurite, deleted on dispose.</summary>
public sealed class DealixAzuriteEngine(AzureStorageOptions options, AzureStorageOrchestrationBackend backend, DurableTaskWorker worker,
    BackendDurableTaskClient client, ServiceProvider services) : IEngineUnderTest
{
    public string Name => EngineNames.DealixAzurite;

    public DurableTaskClient Client => client;

    public static async Task<IEngineUnderTest> StartAsync(string connectionString, Action<DurableTaskRegistry> tasks)
    {
        var registry = new DurableTaskRegistry();
        tasks(registry);

        // Short leases and polling, as the backend's own Azurite tests use: a test should not wait on production cadences.
        var options = new AzureStorageOptions
        {
            ConnectionString = connectionString,
            TaskHubName = "conformance" + Guid.NewGuid().ToString("N")[..12],
            PartitionCount = 4,
            MessageLockTimeout = TimeSpan.FromSeconds(10),
            LeaseDuration = TimeSpan.FromSeconds(4),
            LeaseRenewInterval = TimeSpan.FromSeconds(1),
            OutboxSweepInterval = TimeSpan.FromSeconds(2),
            OutboxSweepAge = TimeSpan.FromSeconds(10),
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        };
        var backend = new AzureStorageOrchestrationBackend(options, NullLoggerFactory.Instance, TimeProvider.System);
        await backend.CreateIfNotExistsAsync();
        ServiceProvider services = new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider();
        var worker = new DurableTaskWorker(backend, registry, services, options: null, NullLoggerFactory.Instance, TimeProvider.System);
        var client = new BackendDurableTaskClient(backend, registry, timeProvider: TimeProvider.System);
        await worker.StartAsync();
        return new DealixAzuriteEngine(options, backend, worker, client, services);
    }

    public async ValueTask DisposeAsync()
    {
        await worker.DisposeAsync();
        await client.DisposeAsync();
        await backend.DisposeAsync();
        await using (var cleaner = new AzureStorageOrchestrationBackend(options))
        {
            await cleaner.DeleteAsync();
        }

        await services.DisposeAsync();
    }
}
