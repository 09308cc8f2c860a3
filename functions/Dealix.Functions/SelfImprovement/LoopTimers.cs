using Dealix.Functions.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.SelfImprovement;

/// <summary>
/// The loops' §18 jobs with a timer here (the 07:00 "Product loop + daily digest" keeps its timer,
/// <c>DailyDigestTimer</c>, in Reports/ReportTimers.cs): each tick starts its run through <see cref="ScheduledJobStarter"/>
/// (<c>sched:{job}:{period}</c>, kill switch first, a duplicate tick runs once).
/// </summary>
public sealed class LoopTimers(ScheduledJobStarter starter)
{
    /// <summary>Marketing ad review and budget reallocation: 08:00 AST daily.</summary>
    public const string MarketingAdReviewCron = "0 0 5 * * *";

    public const string MarketingAdReviewName = "MarketingAdReviewTimer";

    [Function(MarketingAdReviewName)]
    public Task MarketingAdReviewAsync([TimerTrigger(MarketingAdReviewCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("marketing-ad-review"), timer, cancellation);

    /// <summary>Daily audit export (§17.7): 00:10 UTC (03:10 AST), just after the UTC day the files are named by ends.</summary>
    public const string AuditExportCron = "0 10 0 * * *";

    public const string AuditExportName = "AuditExportTimer";

    [Function(AuditExportName)]
    public Task AuditExportAsync([TimerTrigger(AuditExportCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("audit-export"), timer, cancellation);

    /// <summary>Founder auto-action review pack (§17.7): Friday 08:00 AST; every tenant's <c>founder-auto-action-review</c> report via <c>ReportRun</c>.</summary>
    public const string FounderAutoActionReviewCron = "0 0 5 * * 5";

    public const string FounderAutoActionReviewName = "FounderAutoActionReviewTimer";

    [Function(FounderAutoActionReviewName)]
    public Task FounderAutoActionReviewAsync([TimerTrigger(FounderAutoActionReviewCron)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        starter.StartAsync(client, ScheduledJobCatalogue.Get("founder-auto-action-review"), timer, cancellation);
}
