using Dealix.Orchestrations.Replies.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Dealix.Functions.Infrastructure;

/// <summary>Trains the reply classifier's model in the background at start-up, so the first inbound message does not
/// wait for it inside its classification activity. On when <c>Deals__WarmUpClassifier=true</c> (the sample settings turn
/// it on; test hosts that never classify leave it off and save the CPU).</summary>
public sealed class ReplyClassifierWarmup(IConfiguration configuration) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        configuration.GetValue<bool>("Deals:WarmUpClassifier")
            ? Task.Run(() => _ = ReplyClassifier.Default.ModelVersion, stoppingToken)
            : Task.CompletedTask;
}
