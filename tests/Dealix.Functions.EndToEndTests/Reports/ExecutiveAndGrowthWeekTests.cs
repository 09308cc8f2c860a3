using System.Collections.Concurrent;
using System.Text.Json;
using Cronos;
using Dealix.Functions.Reports;
using Dealix.Functions.Scheduling;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Ports;
using Dealix.Runtime.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.EndToEndTests.Reports;

/// <summary>
/// The executive weekly pack and the self-growth brief and learning report over two simulated weeks on the virtual
/// clock, through their real timers, the scheduler and the report run: the pack on Sundays (a duplicate tick builds it
/// once; Sunday 12-06's tick is missed while the app is down and caught up once, by two instances' past-due ticks), the
/// brief Sunday–Thursday only (Sunday's covering Thursday–Saturday), the learning report on Thursdays; a paused day
/// builds nothing; each report reaches its operators once.
/// </summary>
public class ExecutiveAndGrowthWeekTests
{
    /// <summary>Saturday 2026-11-28 00:00 AST.</summary>
    private static readonly DateTimeOffset SaturdayMidnight = new(2026, 11, 27, 21, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<(string Tenant, string Kind, string Period), StoredReport> _reports = new();
    private readonly ConcurrentQueue<OperatorAlert> _alerts = new();
    private bool _paused;

    [Fact]
    public async Task TwoWeeks_ExecutiveAndGrowthTimers_BuildEachReportOncePerPeriod()
    {
        await using DurableTaskTestHost host = await StartAsync();
        var timers = new ExecutiveAndGrowthTimers(new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance));
        async Task TickAsync(string job, bool pastDue = false)
        {
            var timer = new TimerInfo { IsPastDue = pastDue };
            await (job switch
            {
                "executive-weekly-pack" => timers.ExecutiveWeeklyPackAsync(timer, host.Client, default),
                "self-growth-daily-brief" => timers.SelfGrowthDailyBriefAsync(timer, host.Client, default),
                _ => timers.SelfGrowthWeeklyLearningAsync(timer, host.Client, default),
            });
            await host.WaitForIdleAsync();
        }

        string[] jobs = ["executive-weekly-pack", "self-growth-daily-brief", "self-growth-weekly-learning"];
        var ticks = jobs.SelectMany(job => CronExpression.Parse(ScheduledJobCatalogue.Get(job).Cron!, CronFormat.IncludeSeconds)
                .GetOccurrences(SaturdayMidnight.UtcDateTime, SaturdayMidnight.UtcDateTime.AddDays(14), TimeZoneInfo.Utc).Select(at => (At: at, Job: job)))
            .OrderBy(t => t.At).ToList();
        var downFrom = new DateTime(2026, 12, 6, 4, 0, 0, DateTimeKind.Utc); // Sun 07:00 AST: the app stops
        var backAt = new DateTime(2026, 12, 6, 6, 0, 0, DateTimeKind.Utc);   // Sun 09:00 AST: it starts again
        bool caughtUp = false;
        foreach ((DateTime at, string job) in ticks)
        {
            if (at >= downFrom && at < backAt)
            {
                continue; // Sunday's pack and brief ticks (07:30 AST) are missed
            }

            if (!caughtUp && at >= backAt)
            {
                await host.AdvanceTimeAsync(backAt - host.Clock.GetUtcNow().UtcDateTime);
                foreach (string missed in new[] { "executive-weekly-pack", "self-growth-daily-brief" })
                {
                    await TickAsync(missed, pastDue: true); // the host's past-due run after the restart
                    await TickAsync(missed, pastDue: true); // and a second instance starting up too
                }

                caughtUp = true;
            }

            await host.AdvanceTimeAsync(at - host.Clock.GetUtcNow().UtcDateTime);
            _paused = at.AddHours(3) is { Month: 12, Day: 9 }; // Wednesday 12-09: the kill switch is on
            await TickAsync(job);
            if (at.AddHours(3).Day == 29)
            {
                await TickAsync(job); // Sunday 11-29: delivered twice
            }
        }

        string[] briefDays = ["20261129", "20261130", "20261201", "20261202", "20261203", "20261206", "20261207", "20261208", "20261210"];
        string[] expected =
        [
            "executive-weekly-pack|2026W48", "executive-weekly-pack|2026W49",
            .. briefDays.Select(d => $"self-growth-daily-brief|{d}"),
            "self-growth-weekly-learning|2026W49", "self-growth-weekly-learning|2026W50",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), _reports.Keys.Where(k => k.Tenant == "acme").Select(k => $"{k.Kind}|{k.Period}").Order(StringComparer.Ordinal));
        Assert.Equal(2 * expected.Length, _reports.Count); // both tenants

        Assert.Equal("Sun 2026-11-29 – Sat 2026-12-05 (AST)", Label("executive-weekly-pack", "2026W49")); // the caught-up pack
        Assert.Equal("Thu 2026-12-03 – Sat 2026-12-05 (AST)", Label("self-growth-daily-brief", "20261206"));
        Assert.Equal("Mon 2026-11-30 (AST)", Label("self-growth-daily-brief", "20261201"));
        Assert.Equal("Thu 2026-11-26 – Wed 2026-12-02 (AST)", Label("self-growth-weekly-learning", "2026W49"));

        Assert.Equal(_reports.Count, _alerts.Count);
        Assert.Equal(_alerts.Count, _alerts.Select(a => a.IdempotencyKey).Distinct().Count());
        OperatorAlert pack = Assert.Single(_alerts, a => a.IdempotencyKey == "report:acme:executive-weekly-pack:2026W49");
        Assert.Equal((OperatorAlertKinds.Digest, "founder", "https://dealix.test/api/v1/reports/executive-weekly-pack?period=2026W49"), (pack.Kind, pack.OwnerRole, pack.Link));
        Assert.StartsWith("Executive weekly pack — Sun 2026-11-29 – Sat 2026-12-05 (AST)", pack.Title, StringComparison.Ordinal);

        List<string> runs = [];
        await foreach (OrchestrationMetadata m in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "sched:executive-weekly-pack:" }))
        {
            runs.Add(m.InstanceId);
        }

        Assert.Equal(2 + (2 * 2), runs.Count); // two Sundays, each with two tenant runs
    }

    private string Label(string kind, string period)
    {
        using JsonDocument json = JsonDocument.Parse(_reports[("acme", kind, period)].Json);
        return json.RootElement.GetProperty("header").GetProperty("window_label").GetString()!;
    }

    private async Task<DurableTaskTestHost> StartAsync()
    {
        var killSwitch = new Mock<IKillSwitch>();
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _paused);
        var tenants = new Mock<ITenantDirectory>();
        tenants.Setup(t => t.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(["acme", "globex"]);
        var facts = new Mock<IReportFactsSource>();
        facts.Setup(f => f.ReadAsync(It.IsAny<string>(), It.IsAny<ReportWindow>(), It.IsAny<CancellationToken>())).ReturnsAsync(ReportFacts.Empty);
        var store = new Mock<IReportStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<StoredReport>(), It.IsAny<CancellationToken>()))
            .Callback((StoredReport r, CancellationToken _) => _reports[(r.Tenant, r.Kind, r.Period)] = r)
            .Returns(Task.CompletedTask);
        var links = new Mock<IReportLinks>();
        links.Setup(l => l.For(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string _, string kind, string period) => $"https://dealix.test/api/v1/reports/{kind}?period={period}");
        var alerts = new Mock<IOperatorAlerts>();
        alerts.Setup(a => a.SendAsync(It.IsAny<OperatorAlert>(), It.IsAny<CancellationToken>()))
            .Callback((OperatorAlert a, CancellationToken _) => _alerts.Enqueue(a))
            .ReturnsAsync(true);
        return await DurableTaskTestHost.StartAsync(new FakeTimeProvider(SaturdayMidnight),
            tasks => tasks.AddScheduling().AddReports().AddNotifications(),
            services => services.AddSingleton(killSwitch.Object).AddSingleton(tenants.Object).AddSingleton(facts.Object).AddSingleton(store.Object)
                .AddSingleton(links.Object).AddSingleton(alerts.Object));
    }
}
