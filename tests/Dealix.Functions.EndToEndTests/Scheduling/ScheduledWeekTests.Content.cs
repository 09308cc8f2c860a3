using Cronos;
using Dealix.Functions.Content;
using Dealix.Functions.Scheduling;
using Dealix.Orchestrations.Content;
using Dealix.Orchestrations.Deals.Ports;
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

/// <summary>The content jobs (§18): weekly content suggestions on Mondays only, the competitive analysis on the 1st only.</summary>
public partial class ScheduledWeekTests
{
    [Fact]
    public async Task ContentJobs_SixWeeks_MondayAndTheFirstOnly_DuplicateTickOnce_PausedSkipped()
    {
        // Sunday 2026-11-22 00:00 AST to Sunday 2027-01-03: six Mondays and two 1sts (December and January).
        var start = new DateTimeOffset(2026, 11, 21, 21, 0, 0, TimeSpan.Zero);
        var killSwitch = new Mock<IKillSwitch>();
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _paused);
        var tenants = new Mock<ITenantDirectory>();
        tenants.Setup(t => t.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(["acme"]);
        await using DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(new FakeTimeProvider(start),
            tasks => tasks.AddScheduling()
                .AddOrchestratorFunc<OutreachRunInput, string>(WeeklyContentSuggestionsOrchestrator.Name, (context, input) => Record(WeeklyContentSuggestionsOrchestrator.Name, context.InstanceId, input))
                .AddOrchestratorFunc<OutreachRunInput, string>(ReportRunOrchestrator.Name, (context, input) => Record(ReportRunOrchestrator.Name, context.InstanceId, input)),
            services => services.AddSingleton(killSwitch.Object).AddSingleton(tenants.Object));
        var timers = new ContentTimers(new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance));

        DateTime end = start.UtcDateTime.AddDays(42);
        var ticks = new[] { (Cron: ContentTimers.WeeklyContentCron, Weekly: true), (Cron: ContentTimers.MonthlyCompetitiveCron, Weekly: false) }
            .SelectMany(t => CronExpression.Parse(t.Cron, CronFormat.IncludeSeconds).GetOccurrences(start.UtcDateTime, end, TimeZoneInfo.Utc).Select(at => (At: at, t.Weekly)))
            .OrderBy(t => t.At).ToList();
        foreach ((DateTime at, bool weekly) in ticks)
        {
            await host.AdvanceTimeAsync(at - host.Clock.GetUtcNow().UtcDateTime);
            _paused = at == new DateTime(2026, 12, 14, 6, 0, 0, DateTimeKind.Utc); // the kill switch is on that Monday
            for (int delivery = 0; delivery < 2; delivery++) // every tick delivered twice
            {
                await (weekly ? timers.WeeklyContentAsync(new TimerInfo(), host.Client, default) : timers.MonthlyCompetitiveAsync(new TimerInfo(), host.Client, default));
                await host.WaitForIdleAsync();
            }
        }

        List<string> runs = [];
        await foreach (OrchestrationMetadata m in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "sched:" }))
        {
            runs.Add(m.InstanceId);
        }

        string[] weeks = ["2026W48", "2026W49", "2026W50", "2026W51", "2026W52", "2026W53"];
        Assert.All(ticks.Where(t => t.Weekly), t => Assert.Equal(DayOfWeek.Monday, t.At.AddHours(3).DayOfWeek));
        Assert.All(ticks.Where(t => !t.Weekly), t => Assert.Equal(1, t.At.AddHours(3).Day));
        string[] expected =
            [
                .. weeks.Select(w => $"sched:weekly-content-suggestions:{w}"),
                .. weeks.Where(w => w != "2026W51").Select(w => $"sched:weekly-content-suggestions:{w}:acme"),
                "sched:monthly-competitive-analysis:202612", "sched:monthly-competitive-analysis:202612:acme",
                "sched:monthly-competitive-analysis:202701", "sched:monthly-competitive-analysis:202701:acme",
            ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), runs.Order(StringComparer.Ordinal));
        Assert.Contains(_tenantRuns, r => r.Orchestrator == ReportRunOrchestrator.Name && r.Input.Trigger == "timer:monthly-competitive-analysis:202612");
        Assert.Contains(_tenantRuns, r => r.Orchestrator == WeeklyContentSuggestionsOrchestrator.Name && r.Input.Trigger == "timer:weekly-content-suggestions:2026W49");
        Assert.Equal(7, _tenantRuns.Count); // 5 unpaused Mondays + 2 firsts, each once
        ScheduledJobResult paused = (await host.GetOutputAsync<ScheduledJobResult>("sched:weekly-content-suggestions:2026W51"))!;
        Assert.Equal((ScheduledJobOrchestrator.SkippedPaused, 0), (paused.Status, paused.Tenants.Count));
    }
}
