using Dealix.Orchestrations.CustomerSuccess;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.CustomerSuccess;

/// <summary>
/// The CS cadence scheduler of §18: Sunday to Thursday at 08:30 AST it starts
/// <see cref="CustomerSuccessSchedulerOrchestrator"/> once for the AST day (the day's touchpoints and the missed ones,
/// per tenant). The schedule is the catalogue's UTC NCRONTAB <c>0 30 5 * * 0-4</c>: 05:30 UTC is 08:30 AST on the same
/// weekday all year (no daylight saving in Riyadh), on any host; keep <c>WEBSITE_TIME_ZONE</c> unset.
/// </summary>
public sealed class CsCadenceSchedulerTimer(TimeProvider clock, ILogger<CsCadenceSchedulerTimer> log)
{
    public const string Name = "CsCadenceScheduler";

    /// <summary>Sun–Thu 08:30 AST as UTC NCRONTAB.</summary>
    public const string Schedule = "0 30 5 * * 0-4";

    [Function(Name)]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        CsScheduledJob.StartOnceAsync(client, CustomerSuccessSchedulerOrchestrator.Name, CustomerSuccessSchedulerOrchestrator.Job, clock.GetUtcNow(), log, cancellation);
}
