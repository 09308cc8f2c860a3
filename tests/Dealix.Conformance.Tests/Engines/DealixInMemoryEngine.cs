using Dealix.Runtime.Client;
using Dealix.Runtime.InMemory;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Conformance.Tests.Engines;

/// <summary>
/// The Dealix engine on its in-memory backend, wired as Dealix.Runtime.Testing's host wires it but on the real
/// clock: Microsoft's host has no virtual clock, and timers must behave the same on both.
/// </summary>
public sealed class DealixInMemoryEngine(InMemoryOrchestrationBackend backend, DurableTaskWorker worker, BackendDurableTaskClient client, ServiceProvider services)
    : IEngineUnderTest
{
    public string Name => EngineNames.DealixInMemory;

    public DurableTaskClient Client => client;

    public static async Task<IEngineUnderTest> StartAsync(Action<DurableTaskRegistry> tasks)
    {
        var registry = new DurableTaskRegistry();
        tasks(registry);
        ServiceProvider services = new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider();
        var backend = new InMemoryOrchestrationBackend("Conformance", TimeProvider.System);
        var worker = new DurableTaskWorker(backend, registry, services, options: null, NullLoggerFactory.Instance, TimeProvider.System);
        var client = new BackendDurableTaskClient(backend, registry, timeProvider: TimeProvider.System);
        await worker.StartAsync();
        return new DealixInMemoryEngine(backend, worker, client, services);
    }

    public async ValueTask DisposeAsync()
    {
        await worker.DisposeAsync();
        await client.DisposeAsync();
        await backend.DisposeAsync();
        await services.DisposeAsync();
    }
}
