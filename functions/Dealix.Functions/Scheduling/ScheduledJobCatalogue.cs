namespace Dealix.Functions.Scheduling;

/// <summary>
/// The DOMAIN.md §18 timer catalogue, every job with its AST schedule, its UTC NCRONTAB and the weekday exception of
/// §19.2 (targeting and sending do not run on Friday or Saturday: their day-of-week is <c>0-4</c>; the stated daily
/// loops run every day), and who runs its timer. Jobs whose work other areas own, or whose work is not built yet, are
/// listed so the catalogue stays whole; only <see cref="JobTimer.Here"/> entries have a timer in this folder.
/// </summary>
public static class ScheduledJobCatalogue
{
    /// <summary>Daily targeting + daily pipeline (drafts only): Sun–Thu 06:30 AST.</summary>
    public const string DailyPipelineCron = "0 30 3 * * 0-4";

    /// <summary>Scheduled send-approved-batch: Sun–Thu 09:15 and 13:15 AST.</summary>
    public const string SendApprovedBatchCron = "0 15 6,10 * * 0-4";

    public static ScheduledJob DailyPipeline { get; } = new("daily-pipeline", "Daily targeting + daily pipeline (drafts only)", "Sun–Thu 06:30",
        DailyPipelineCron, JobPeriod.Daily, JobTimer.Here, "outreach", "DailyPipeline");

    public static ScheduledJob SendApprovedBatch { get; } = new("send-approved-batch", "Scheduled send-approved-batch", "Sun–Thu 09:15 and 13:15",
        SendApprovedBatchCron, JobPeriod.Occurrence, JobTimer.Here, "outreach", "SendApprovedBatch");

    /// <summary>Every job, in the order of §18, then the other areas' daily jobs.</summary>
    public static IReadOnlyList<ScheduledJob> All { get; } =
    [
        new("ops-morning-digest", "Operations daily checks + morning digest", "06:00 daily", Reports.ReportTimers.MorningDigestCron, JobPeriod.Daily, JobTimer.Here, "loops",
            Orchestrations.OperationsLoop.OperationsLoopOrchestrator.Name),
        new("product-loop-daily-digest", "Product loop + daily digest (report daily-digest)", "07:00 daily", Reports.ReportTimers.DailyDigestCron, JobPeriod.Daily, JobTimer.Here, "loops",
            Orchestrations.SelfImprovement.ProductLoopDailyDigestOrchestrator.Name),
        new("marketing-ad-review", "Marketing ad review", "08:00 daily", SelfImprovement.LoopTimers.MarketingAdReviewCron, JobPeriod.Daily, JobTimer.Here, "loops",
            Orchestrations.SelfImprovement.MarketingLoopOrchestrator.Name),
        new("weekly-content-suggestions", "Weekly content suggestions", "Mon 09:00", Content.ContentTimers.WeeklyContentCron, JobPeriod.Weekly, JobTimer.Here, "loops",
            Orchestrations.Content.WeeklyContentSuggestionsOrchestrator.Name),
        new("monthly-competitive-analysis", "Monthly competitive analysis (report competitive-analysis)", "1st 09:00", Content.ContentTimers.MonthlyCompetitiveCron, JobPeriod.Monthly,
            JobTimer.Here, "loops", Orchestrations.Reports.ReportRunOrchestrator.Name),
        new("weekly-trend-report", "Weekly trend report", "Fri 07:30", SelfImprovement.ReflectionTimers.WeeklyTrendReportCron, JobPeriod.Weekly, JobTimer.Here, "loops",
            Orchestrations.Reports.ReportRunOrchestrator.Name),
        new("founder-auto-action-review", "Founder auto-action review pack", "Fri 08:00", SelfImprovement.LoopTimers.FounderAutoActionReviewCron, JobPeriod.Weekly, JobTimer.Here,
            "loops", Orchestrations.Reports.ReportRunOrchestrator.Name),
        new("brain-weekly-reflection", "Brain weekly reflection", "Sun 08:00", SelfImprovement.ReflectionTimers.BrainWeeklyReflectionCron, JobPeriod.Weekly, JobTimer.Here, "loops",
            Orchestrations.Reports.ReportRunOrchestrator.Name),
        new("executive-weekly-pack", "Executive weekly pack", "Sun 07:30", Reports.ExecutiveAndGrowthTimers.ExecutiveWeeklyPackCron, JobPeriod.Weekly, JobTimer.Here, "digests",
            Orchestrations.Reports.ReportRunOrchestrator.Name),
        DailyPipeline,
        new("self-growth-daily-brief", "Self-growth daily brief", "Sun–Thu 07:30", Reports.ExecutiveAndGrowthTimers.SelfGrowthDailyBriefCron, JobPeriod.Daily, JobTimer.Here, "digests",
            Orchestrations.Reports.ReportRunOrchestrator.Name),
        new("self-growth-weekly-learning", "Self-growth weekly learning report", "Thu 15:00", Reports.ExecutiveAndGrowthTimers.SelfGrowthWeeklyLearningCron, JobPeriod.Weekly, JobTimer.Here,
            "digests", Orchestrations.Reports.ReportRunOrchestrator.Name),
        new("operator-pre-shift-briefing", "Operator pre-shift briefing", "Sun–Thu 08:30", Reports.ReportTimers.PreShiftBriefingCron, JobPeriod.Daily, JobTimer.Here,
            "digests", Orchestrations.Reports.ReportRunOrchestrator.Name),
        new("cs-cadence-scheduler", "CS cadence scheduler (due check-ins, reviews, QBR, renewals)", "Sun–Thu 08:30", "0 30 5 * * 0-4", JobPeriod.Daily,
            JobTimer.OtherArea, "cs"),
        SendApprovedBatch,
        new("sla-sweep", "SLA breach sweep + approval-SLA sweep", "every 5 min", "0 */5 * * * *", JobPeriod.Occurrence, JobTimer.OtherArea, "support"),
        new("weekly-support-review", "Weekly support review pack", "Sun 09:00", Reports.ReportTimers.WeeklySupportReviewCron, JobPeriod.Weekly, JobTimer.Here, "digests",
            Orchestrations.Reports.ReportRunOrchestrator.Name),
        new("audit-export", "Daily audit export (§17.7, the UTC day before)", "03:10 daily (00:10 UTC)", SelfImprovement.LoopTimers.AuditExportCron, JobPeriod.Daily, JobTimer.Here,
            "loops", Orchestrations.SelfImprovement.AuditExportOrchestrator.Name),
        new("cs-at-risk-scoring", "Daily at-risk and health scoring", "daily (set by its area)", null, JobPeriod.Daily, JobTimer.OtherArea, "cs"),
        new("task-overdue-sweep", "Human-task overdue sweep", "set by its area", null, JobPeriod.Occurrence, JobTimer.OtherArea, "tasks"),
    ];

    /// <summary>The entry named <paramref name="name"/>.</summary>
    public static ScheduledJob Get(string name) => All.Single(j => j.Name == name);
}
