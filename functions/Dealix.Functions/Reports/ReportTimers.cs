using Dealix.Functions.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Reports;

/// <summary>
/// The §18 report jobs, each a <c>TimerTrigger</c> on the catalogue's UTC NCRONTAB that starts its run through
/// <see cref="ScheduledJobStarter"/> (<c>sched:{job}:{period}</c>: a duplicate tick or a second instance runs it once, a
/// missed tick is caught up once; the kill switch is checked first). Each run builds every tenant's report with
/// <c>ReportRun</c>, stores it and tells the operators.
/// </summary>
public sealed class ReportTimers(ScheduledJobStarter starter)
{
    /// <summary>Operations morning digest: 06:00 AST daily.</summary>
    public const string MorningDigestCron = "0 0 3 * * *";

    /// <summary>Product loop + daily digest (one §18 job, <c>product-loop-daily-digest</c>): 07:00 AST daily.</summary>
    public const string DailyDigestCron = "0 0 4 * * *";

    /// <summary>Operator pre-shift briefing: Sun–Thu 08:30 AST (30 minutes before a 09:00 shift).</summary>
    public const string PreShiftBriefingCron = "0 30 5 * * 0-4";

    /// <summary>Weekly support review: Sunday 09:00 AST.</summary>
    public const string WeeklySupportReviewCron = "0 0 6 * * 0";

    public const string MorningDigestName = "MorningDigestTimer";
    public const string DailyDigestName = "DailyDigestTimer";
    public const string PreShiftBriefingName = "PreShiftBriefingTimer";
    public const string WeeklySupportReviewName = "WeeklySupportReviewTimer";

    [Function(MorningDigestName)]
    public Task MorningDigestAsync([TimerTrigger(MorningDigestCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("ops-morning-digest"), timer, cancellation);

    [Function(DailyDigestName)]
    public Task DailyDigestAsync([TimerTrigger(DailyDigestCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("product-loop-daily-digest"), timer, cancellation); // product loop, then the daily digest

    [Function(PreShiftBriefingName)]
    public Task PreShiftBriefingAsync([TimerTrigger(PreShiftBriefingCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("operator-pre-shift-briefing"), timer, cancellation);

    [Function(WeeklySupportReviewName)]
    public Task WeeklySupportReviewAsync([TimerTrigger(WeeklySupportReviewCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("weekly-support-review"), timer, cancellation);
}
