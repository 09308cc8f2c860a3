using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage.Tests.Infrastructure;

/// <summary>A worker and a client on a fresh Azure Storage hub in Azurite, on the real clock.</summary>
public sealed class AzureStorageTestHub : IDurableTestHub
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);
    private readonly HubScope _hub;
    private readonly ServiceProvider _services;
    private readonly DurableTaskWorker _worker;

    private AzureStorageTestHub(HubScope hub, ServiceProvider services, DurableTaskWorker worker, BackendDurableTaskClient client)
    {
        _hub = hub;
        _services = services;
        _worker = worker;
        Client = client;
    }

    public BackendDurableTaskClient Client { get; }

    public DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public AzureStorageOrchestrationBackend Backend => _hub.Backend;

    public HubScope Hub => _hub;

    public static async Task<AzureStorageTestHub> StartAsync(
        string connectionString,
        ITestOutputHelper output,
        Action<DurableTaskRegistry> tasks,
        Action<IServiceCollection>? services = null,
        Action<AzureStorageOptions>? configure = null)
    {
        HubScope hub = await HubScope.CreateAsync(connectionString, output, configure);
        var registry = new DurableTaskRegistry();
        tasks(registry);
        var collection = new ServiceCollection();
        collection.AddSingleton(TimeProvider.System);
        services?.Invoke(collection);
        ServiceProvider provider = collection.BuildServiceProvider();
        ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(hub.Logs));
        var worker = new DurableTaskWorker(hub.Backend, registry, provider,
            new DurableTaskWorkerOptions { MaxConcurrentActivities = 16, MaxConcurrentOrchestrations = 16 }, logging);
        await worker.StartAsync();
        return new AzureStorageTestHub(hub, provider, worker, new BackendDurableTaskClient(hub.Backend, registry));
    }

    public Task AdvanceTimeAsync(TimeSpan by) => Task.Delay(by);

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        try
        {
            return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            OrchestrationMetadata? now = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            throw new TimeoutException($"Instance '{instanceId}' did not end within {WaitLimit.TotalSeconds} s; it is {now?.RuntimeStatus.ToString() ?? "unknown"}.");
        }
    }

    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            OrchestrationMetadata? instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance is not null && condition(instance))
            {
                return instance;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Instance '{instanceId}' ({instance?.RuntimeStatus}, status {instance?.SerializedCustomStatus}) did not meet the condition within {WaitLimit.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _hub.DisposeAsync();
        await _services.DisposeAsync();
    }
}
