using Dealix.Functions.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Reports;

/// <summary>
/// The §18 executive and self-growth report jobs, each a <c>TimerTrigger</c> on the catalogue's UTC NCRONTAB that starts
/// its run through <see cref="ScheduledJobStarter"/> (<c>sched:{job}:{period}</c>: a duplicate tick or a second instance
/// runs it once, a missed tick is caught up once; the kill switch is checked first). Each run builds every tenant's
/// report with <c>ReportRun</c>, stores it and tells the operators (kind <c>digest</c>, with the link).
/// </summary>
public sealed class ExecutiveAndGrowthTimers(ScheduledJobStarter starter)
{
    /// <summary>Executive weekly pack: Sunday 07:30 AST.</summary>
    public const string ExecutiveWeeklyPackCron = "0 30 4 * * 0";

    /// <summary>Self-growth daily brief: Sun–Thu 07:30 AST (never Friday or Saturday, §19.2).</summary>
    public const string SelfGrowthDailyBriefCron = "0 30 4 * * 0-4";

    /// <summary>Self-growth weekly learning report: Thursday 15:00 AST.</summary>
    public const string SelfGrowthWeeklyLearningCron = "0 0 12 * * 4";

    public const string ExecutiveWeeklyPackName = "ExecutiveWeeklyPackTimer";
    public const string SelfGrowthDailyBriefName = "SelfGrowthDailyBriefTimer";
    public const string SelfGrowthWeeklyLearningName = "SelfGrowthWeeklyLearningTimer";

    [Function(ExecutiveWeeklyPackName)]
    public Task ExecutiveWeeklyPackAsync([TimerTrigger(ExecutiveWeeklyPackCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("executive-weekly-pack"), timer, cancellation);

    [Function(SelfGrowthDailyBriefName)]
    public Task SelfGrowthDailyBriefAsync([TimerTrigger(SelfGrowthDailyBriefCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("self-growth-daily-brief"), timer, cancellation);

    [Function(SelfGrowthWeeklyLearningName)]
    public Task SelfGrowthWeeklyLearningAsync([TimerTrigger(SelfGrowthWeeklyLearningCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("self-growth-weekly-learning"), timer, cancellation);
}
