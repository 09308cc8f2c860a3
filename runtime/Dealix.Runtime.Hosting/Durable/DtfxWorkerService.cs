using Dealix.Runtime.DurableTaskFramework;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Durable;

/// <summary>
/// Runs Microsoft's engine (<see cref="DtfxWorkerHost"/>) for the life of the host on the <c>AzureStorage</c> provider,
/// and owns it (the container does not dispose it). Stopping waits for DurableTask.Core's graceful stop only as long
/// as the host's shutdown token allows: a stop that comes while the engine is still acquiring its partitions can take
/// minutes, and a host must not hang on shutdown. The engine is released once its stop has finished, in the
/// background if need be; work still in flight comes back after the queue visibility time-out, as after a crash.
/// </summary>
internal sealed class DtfxWorkerService(DtfxWorkerHost engine, ILogger<DtfxWorkerService> log) : IHostedService
{
    private Task? _stopping;

    /// <summary>The engine; its <see cref="DtfxWorkerHost.Client"/> is the app's <c>DurableTaskClient</c>.</summary>
    public DtfxWorkerHost Engine => engine;

    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping ??= Task.Run(async () =>
        {
            try
            {
                await engine.StopAsync(CancellationToken.None);
            }
            finally
            {
                await engine.DisposeAsync();
            }
        }, CancellationToken.None);
        try
        {
            await _stopping.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.DtfxStopAbandoned(log, engine.Client.Name);
        }
    }
}
