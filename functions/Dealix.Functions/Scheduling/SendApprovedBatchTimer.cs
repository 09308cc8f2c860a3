using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Scheduling;

/// <summary>
/// §18 "Scheduled send-approved-batch": Sun–Thu 09:15 and 13:15 AST (<c>0 15 6,10 * * 0-4</c> UTC; never Friday or
/// Saturday). Starts <c>sched:send-approved-batch:{yyyyMMddTHHmm}</c>, which sends every tenant's approved drafts within
/// the §10.6 send windows and rate limits.
/// </summary>
public sealed class SendApprovedBatchTimer(ScheduledJobStarter starter)
{
    public const string Name = "SendApprovedBatchTimer";

    [Function(Name)]
    public Task RunAsync([TimerTrigger(ScheduledJobCatalogue.SendApprovedBatchCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.SendApprovedBatch, timer, cancellation);
}
