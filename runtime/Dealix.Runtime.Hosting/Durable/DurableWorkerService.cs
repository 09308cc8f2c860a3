using Dealix.Runtime.Backend;
using Dealix.Runtime.Worker;
using Dealix.Runtime.Hosting.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Durable;

/// <summary>Creates the hub's storage and runs the durable worker for the life of the host.</summary>
internal sealed class DurableWorkerService(
    IOrchestrationBackend backend, TaskCatalog registry, IServiceProvider services, FunctionsHostOptions options, ILoggerFactory loggers)
    : IHostedService, IAsyncDisposable
{
    private DurableTaskWorker? _worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await backend.CreateIfNotExistsAsync(cancellationToken);
        _worker = new DurableTaskWorker(
            backend,
            registry,
            services,
            new DurableTaskWorkerOptions
            {
                MaxConcurrentActivities = options.MaxConcurrentActivityFunctions,
                MaxConcurrentOrchestrations = options.MaxConcurrentOrchestratorFunctions,
            },
            loggers);
        await _worker.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }
    }
}
