using Dealix.Functions.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.SelfImprovement;

/// <summary>
/// The §18 jobs of the Brain's weekly reflection (§17.10, Sunday 08:00 AST) and the product loop's weekly trend report
/// (§17.2, Friday 07:30 AST): each tick starts its run through <see cref="ScheduledJobStarter"/> (<c>sched:{job}:{yyyyWww}</c>:
/// a duplicate tick or a second instance runs it once, a missed tick is caught up once, the kill switch is checked
/// first), which builds every tenant's report with <c>ReportRun</c>, stores it and tells the founder once.
/// </summary>
public sealed class ReflectionTimers(ScheduledJobStarter starter)
{
    /// <summary>Brain weekly reflection: Sunday 08:00 AST.</summary>
    public const string BrainWeeklyReflectionCron = "0 0 5 * * 0";

    /// <summary>Weekly trend report: Friday 07:30 AST.</summary>
    public const string WeeklyTrendReportCron = "0 30 4 * * 5";

    public const string BrainWeeklyReflectionName = "BrainWeeklyReflectionTimer";
    public const string WeeklyTrendReportName = "WeeklyTrendReportTimer";

    [Function(BrainWeeklyReflectionName)]
    public Task BrainWeeklyReflectionAsync([TimerTrigger(BrainWeeklyReflectionCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("brain-weekly-reflection"), timer, cancellation);

    [Function(WeeklyTrendReportName)]
    public Task WeeklyTrendReportAsync([TimerTrigger(WeeklyTrendReportCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("weekly-trend-report"), timer, cancellation);
}
