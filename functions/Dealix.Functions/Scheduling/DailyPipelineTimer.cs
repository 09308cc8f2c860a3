using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Scheduling;

/// <summary>
/// §18 "Daily targeting + daily pipeline (drafts only)": Sun–Thu 06:30 AST (<c>0 30 3 * * 0-4</c> UTC; never Friday or
/// Saturday, §19.2). Starts <c>sched:daily-pipeline:{yyyyMMdd}</c>, which runs every tenant's daily pipeline. Sends nothing.
/// </summary>
public sealed class DailyPipelineTimer(ScheduledJobStarter starter)
{
    public const string Name = "DailyPipelineTimer";

    [Function(Name)]
    public Task RunAsync([TimerTrigger(ScheduledJobCatalogue.DailyPipelineCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.DailyPipeline, timer, cancellation);
}
