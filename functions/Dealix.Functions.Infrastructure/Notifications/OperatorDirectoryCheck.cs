using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>Reads the operator contacts and webhooks when the app starts, so a wrong setting stops the start with its
/// reason instead of losing the first alert.</summary>
internal sealed class OperatorDirectoryCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<OperatorDirectory>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
