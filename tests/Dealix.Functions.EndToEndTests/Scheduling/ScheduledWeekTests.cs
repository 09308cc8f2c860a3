using System.Collections.Concurrent;
using Cronos;
using Dealix.Functions.Scheduling;
using Dealix.Functions.SelfImprovement;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Contracts;
using Dealix.Orchestrations.Scheduling.Ports;
using Dealix.Runtime.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.EndToEndTests.Scheduling;

/// <summary>
/// The scheduled jobs over a simulated week on the virtual clock: the timers fire at the catalogue's UTC occurrences
/// (Sun–Thu only for targeting and sending), each tick starts <c>sched:{job}:{period}</c>, a duplicate tick or a second
/// instance's tick starts nothing, a missed tick is caught up once after downtime, and a paused run exits at once.
/// The per-tenant work is recorded by stand-ins here (its own tests cover it): this is the mechanism.
/// </summary>
public partial class ScheduledWeekTests
{
    /// <summary>Saturday 2026-11-21 00:00 AST.</summary>
    private static readonly DateTimeOffset SaturdayMidnight = new(2026, 11, 20, 21, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<(string Orchestrator, string InstanceId, OutreachRunInput Input)> _tenantRuns = new();
    private bool _paused;

    [Fact]
    public async Task Week_TimersFireSundayToThursday_DuplicatesAndRestartsRunEachPeriodOnce()
    {
        await using DurableTaskTestHost host = await StartAsync();
        var starter = new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance);
        var pipeline = new DailyPipelineTimer(starter);
        var batch = new SendApprovedBatchTimer(starter);
        var started = new List<string?>();
        async Task TickAsync(ScheduledJob job, bool pastDue = false)
        {
            var timer = new TimerInfo { IsPastDue = pastDue };
            Task run = job == ScheduledJobCatalogue.DailyPipeline ? pipeline.RunAsync(timer, host.Client, default) : batch.RunAsync(timer, host.Client, default);
            await run;
            await host.WaitForIdleAsync();
        }

        DateTime weekEnd = SaturdayMidnight.UtcDateTime.AddDays(8);
        var ticks = new[] { ScheduledJobCatalogue.DailyPipeline, ScheduledJobCatalogue.SendApprovedBatch }
            .SelectMany(job => CronExpression.Parse(job.Cron!, CronFormat.IncludeSeconds)
                .GetOccurrences(SaturdayMidnight.UtcDateTime, weekEnd, TimeZoneInfo.Utc).Select(at => (At: at, Job: job)))
            .OrderBy(t => t.At).ToList();
        var tuesdayDownFrom = new DateTime(2026, 11, 24, 5, 0, 0, DateTimeKind.Utc);   // Tue 08:00 AST: the app stops
        var tuesdayBackAt = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);     // Tue 12:00 AST: it starts again
        bool caughtUp = false;
        foreach ((DateTime at, ScheduledJob job) in ticks)
        {
            if (at >= tuesdayDownFrom && at < tuesdayBackAt)
            {
                continue; // the 09:15 batch tick is missed
            }

            if (!caughtUp && at >= tuesdayBackAt)
            {
                await host.AdvanceTimeAsync(tuesdayBackAt - host.Clock.GetUtcNow().UtcDateTime);
                await TickAsync(ScheduledJobCatalogue.SendApprovedBatch, pastDue: true);  // the host's past-due run after the restart
                await TickAsync(ScheduledJobCatalogue.SendApprovedBatch, pastDue: true);  // a second instance starting up too
                caughtUp = true;
            }

            await host.AdvanceTimeAsync(at - host.Clock.GetUtcNow().UtcDateTime);
            _paused = at.DayOfWeek == DayOfWeek.Wednesday;
            await TickAsync(job);
            if (at.DayOfWeek == DayOfWeek.Monday)
            {
                await TickAsync(job); // delivered twice
            }
        }

        List<string> runs = [];
        await foreach (OrchestrationMetadata m in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "sched:" }))
        {
            runs.Add(m.InstanceId);
        }

        string[] days = ["20261122", "20261123", "20261124", "20261125", "20261126"];
        string[] expected =
        [
            .. days.Select(d => $"sched:daily-pipeline:{d}"),
            .. days.SelectMany(d => new[] { $"sched:send-approved-batch:{d}T0915", $"sched:send-approved-batch:{d}T1315" }),
            .. days.Where(d => d != "20261125").Select(d => $"sched:daily-pipeline:{d}:acme"),
            .. days.Where(d => d != "20261125").SelectMany(d => new[] { $"sched:send-approved-batch:{d}T0915:acme", $"sched:send-approved-batch:{d}T1315:acme" }),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), runs.Order(StringComparer.Ordinal));

        // Every per-tenant run happened once, with the flow's own correlation id and the job and period as its trigger.
        Assert.Equal(12, _tenantRuns.Count); // 4 unpaused days x (1 pipeline + 2 batches)
        Assert.Equal(_tenantRuns.Count, _tenantRuns.Select(r => r.InstanceId).Distinct().Count());
        Assert.Contains(_tenantRuns, r => r.InstanceId == "sched:send-approved-batch:20261124T0915:acme" && r.Input.Trigger == "timer:send-approved-batch:20261124T0915");
        Assert.All(_tenantRuns, r => Assert.StartsWith("c-", r.Input.CorrelationId, StringComparison.Ordinal));

        // Wednesday: the kill switch was on; both jobs exited at once.
        ScheduledJobResult paused = (await host.GetOutputAsync<ScheduledJobResult>("sched:daily-pipeline:20261125"))!;
        Assert.Equal((ScheduledJobOrchestrator.SkippedPaused, 0), (paused.Status, paused.Tenants.Count));
    }

    [Fact]
    public async Task TwoWeeks_ReflectionAndTrendTimers_RunOnTheirDayOnce_PausedSundaySkipped()
    {
        await using DurableTaskTestHost host = await StartAsync();
        var timers = new ReflectionTimers(new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance));
        async Task TickAsync(string job, bool pastDue = false)
        {
            var timer = new TimerInfo { IsPastDue = pastDue };
            await (job == "brain-weekly-reflection" ? timers.BrainWeeklyReflectionAsync(timer, host.Client, default) : timers.WeeklyTrendReportAsync(timer, host.Client, default));
            await host.WaitForIdleAsync();
        }

        string[] jobs = ["brain-weekly-reflection", "weekly-trend-report"];
        var ticks = jobs.SelectMany(job => CronExpression.Parse(ScheduledJobCatalogue.Get(job).Cron!, CronFormat.IncludeSeconds)
                .GetOccurrences(SaturdayMidnight.UtcDateTime, SaturdayMidnight.UtcDateTime.AddDays(15), TimeZoneInfo.Utc).Select(at => (At: at, Job: job)))
            .OrderBy(t => t.At).ToList();
        Assert.Equal(["2026-11-22 05:00 brain-weekly-reflection", "2026-11-27 04:30 weekly-trend-report", "2026-11-29 05:00 brain-weekly-reflection",
            "2026-12-04 04:30 weekly-trend-report"], ticks.Select(t => $"{t.At:yyyy-MM-dd HH:mm} {t.Job}"));  // Sun 08:00 and Fri 07:30 AST only
        foreach ((DateTime at, string job) in ticks)
        {
            await host.AdvanceTimeAsync(at - host.Clock.GetUtcNow().UtcDateTime);
            _paused = at.Day == 29; // Sunday 11-29: the kill switch is on
            await TickAsync(job);
            await TickAsync(job); // delivered twice
            _paused = false;
            await host.AdvanceTimeAsync(TimeSpan.FromHours(28)); // the next day, 12:00 AST: a restarted host's past-due tick finds the run done
            await TickAsync(job, pastDue: true);
        }

        List<string> runs = [];
        await foreach (OrchestrationMetadata m in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "sched:" }))
        {
            runs.Add(m.InstanceId);
        }

        Assert.Equal(
            ["sched:brain-weekly-reflection:2026W47", "sched:brain-weekly-reflection:2026W47:acme", "sched:brain-weekly-reflection:2026W48",
                "sched:weekly-trend-report:2026W48", "sched:weekly-trend-report:2026W48:acme", "sched:weekly-trend-report:2026W49", "sched:weekly-trend-report:2026W49:acme"],
            runs.Order(StringComparer.Ordinal));
        Assert.Equal(["timer:brain-weekly-reflection:2026W47", "timer:weekly-trend-report:2026W48", "timer:weekly-trend-report:2026W49"],
            _tenantRuns.Select(r => r.Input.Trigger).Order(StringComparer.Ordinal));
        Assert.All(_tenantRuns, r => Assert.Equal(ReportRunOrchestrator.Name, r.Orchestrator));
        ScheduledJobResult paused = (await host.GetOutputAsync<ScheduledJobResult>("sched:brain-weekly-reflection:2026W48"))!;
        Assert.Equal((ScheduledJobOrchestrator.SkippedPaused, 0), (paused.Status, paused.Tenants.Count));
    }

    [Fact]
    public async Task Starter_TwoInstancesTickAtOnce_StartOneRun()
    {
        await using DurableTaskTestHost host = await StartAsync(new DateTimeOffset(2026, 11, 22, 3, 30, 0, TimeSpan.Zero));
        var starter = new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance);

        string?[] ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => starter.StartAsync(host.Client, ScheduledJobCatalogue.DailyPipeline, null, default)));
        await host.WaitForIdleAsync();

        Assert.Equal("sched:daily-pipeline:20261122", Assert.Single(ids, id => id is not null));
        Assert.Single(_tenantRuns);
    }

    [Fact]
    public void Catalogue_UtcSchedules_MeanTheStatedRiyadhTimes()
    {
        TimeZoneInfo riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        DateTime from = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (ScheduledJob job in ScheduledJobCatalogue.All.Where(j => j.Cron is not null))
        {
            foreach (DateTime at in CronExpression.Parse(job.Cron!, CronFormat.IncludeSeconds).GetOccurrences(from, from.AddYears(1), TimeZoneInfo.Utc).Take(400))
            {
                DateTime local = TimeZoneInfo.ConvertTimeFromUtc(at, riyadh);
                Assert.Equal(TimeSpan.FromHours(3), local - at); // no daylight saving: the mapping is exact all year
                if (job.Ast.StartsWith("Sun–Thu", StringComparison.Ordinal))
                {
                    Assert.True(local.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday), $"{job.Name} ran on {local:dddd}");
                }
            }
        }

        Assert.Equal(20, ScheduledJobCatalogue.All.Count); // daily-digest is part of product-loop-daily-digest; audit-export (§17.7) added
        Assert.Equal(["ops-morning-digest", "product-loop-daily-digest", "marketing-ad-review", "weekly-content-suggestions", "monthly-competitive-analysis",
                "weekly-trend-report", "founder-auto-action-review", "brain-weekly-reflection",
                "executive-weekly-pack", "daily-pipeline",
                "self-growth-daily-brief", "self-growth-weekly-learning", "operator-pre-shift-briefing", "send-approved-batch", "weekly-support-review",
                "audit-export"],
            ScheduledJobCatalogue.All.Where(j => j.Timer == JobTimer.Here).Select(j => j.Name));
        Assert.Equal("2026W48", ScheduledJobCatalogue.Get("brain-weekly-reflection").PeriodKey(new DateTime(2026, 11, 29, 5, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("202612", ScheduledJobCatalogue.Get("monthly-competitive-analysis").PeriodKey(new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc)));
    }

    private async Task<DurableTaskTestHost> StartAsync(DateTimeOffset? start = null)
    {
        var killSwitch = new Mock<IKillSwitch>();
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _paused);
        var tenants = new Mock<ITenantDirectory>();
        tenants.Setup(t => t.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(["acme"]);
        return await DurableTaskTestHost.StartAsync(new FakeTimeProvider(start ?? SaturdayMidnight),
            tasks => tasks.AddScheduling()
                .AddOrchestratorFunc<OutreachRunInput, string>(DailyPipelineOrchestrator.Name, (context, input) => Record(DailyPipelineOrchestrator.Name, context.InstanceId, input))
                .AddOrchestratorFunc<OutreachRunInput, string>(SendApprovedBatchOrchestrator.Name, (context, input) => Record(SendApprovedBatchOrchestrator.Name, context.InstanceId, input))
                .AddOrchestratorFunc<OutreachRunInput, string>(ReportRunOrchestrator.Name, (context, input) => Record(ReportRunOrchestrator.Name, context.InstanceId, input)),
            services => services.AddSingleton(killSwitch.Object).AddSingleton(tenants.Object));
    }

    private Task<string> Record(string orchestrator, string instanceId, OutreachRunInput input)
    {
        _tenantRuns.Enqueue((orchestrator, instanceId, input));
        return Task.FromResult("recorded");
    }
}
