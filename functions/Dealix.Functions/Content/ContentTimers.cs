using Dealix.Functions.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Content;

/// <summary>
/// The §18 content jobs, each a <c>TimerTrigger</c> on the catalogue's UTC NCRONTAB that starts its run through
/// <see cref="ScheduledJobStarter"/> (<c>sched:{job}:{period}</c>: a duplicate tick or a second instance runs it once, a
/// missed tick is caught up once; the kill switch is checked first): the weekly content suggestions (Monday 09:00 AST,
/// period <c>yyyyWww</c>, <c>WeeklyContentSuggestions</c> per tenant) and the monthly competitive analysis (the 1st,
/// 09:00 AST, period <c>yyyyMM</c>, the report <c>competitive-analysis</c> through <c>ReportRun</c> per tenant).
/// </summary>
public sealed class ContentTimers(ScheduledJobStarter starter)
{
    /// <summary>Weekly content suggestions: Monday 09:00 AST.</summary>
    public const string WeeklyContentCron = "0 0 6 * * 1";

    /// <summary>Monthly competitive analysis: the 1st of the month, 09:00 AST.</summary>
    public const string MonthlyCompetitiveCron = "0 0 6 1 * *";

    public const string WeeklyContentName = "WeeklyContentSuggestionsTimer";
    public const string MonthlyCompetitiveName = "MonthlyCompetitiveAnalysisTimer";

    [Function(WeeklyContentName)]
    public Task WeeklyContentAsync([TimerTrigger(WeeklyContentCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("weekly-content-suggestions"), timer, cancellation);

    [Function(MonthlyCompetitiveName)]
    public Task MonthlyCompetitiveAsync([TimerTrigger(MonthlyCompetitiveCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("monthly-competitive-analysis"), timer, cancellation);
}
