using Dealix.Orchestrations.CustomerSuccess;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.CustomerSuccess;

/// <summary>
/// The daily at-risk scoring and alert (§14.3): every day at 06:00 AST, before the operators' 08:30 pre-shift briefing
/// that lists at-risk customers (§19.2), it starts <see cref="CustomerSuccessAtRiskSweepOrchestrator"/> once for the
/// AST day. The schedule is written in UTC (<c>0 0 3 * * *</c> = 06:00 AST; Riyadh has no daylight saving), so it is
/// right on every host, including Linux plans where <c>WEBSITE_TIME_ZONE</c> is not honoured; keep that setting unset.
/// </summary>
public sealed class CsAtRiskTimer(TimeProvider clock, ILogger<CsAtRiskTimer> log)
{
    public const string Name = "CsAtRiskDaily";

    /// <summary>06:00 AST as UTC NCRONTAB.</summary>
    public const string Schedule = "0 0 3 * * *";

    [Function(Name)]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        CsScheduledJob.StartOnceAsync(client, CustomerSuccessAtRiskSweepOrchestrator.Name, CustomerSuccessAtRiskSweepOrchestrator.Job, clock.GetUtcNow(), log, cancellation);
}
