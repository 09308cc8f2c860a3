using System.Collections.Concurrent;
using System.Text.Json;
using Cronos;
using Dealix.Functions.Reports;
using Dealix.Functions.Scheduling;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.OperationsLoop;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Ports;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Runtime.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.EndToEndTests.Reports;

/// <summary>
/// The report jobs over a simulated week on the virtual clock, through their real timers, the scheduler and the
/// report run: the digests run every day (Friday and Saturday too), Sunday's cover Thursday–Saturday, the pre-shift
/// briefing runs Sunday–Thursday, the support review on Sunday; a duplicate tick and a second instance's past-due tick
/// build nothing twice, a missed tick is caught up once, a paused day builds nothing, and each report reaches the
/// operators once (kind <c>digest</c>, linking to its JSON route).
/// </summary>
public class ReportWeekTests
{
    /// <summary>Saturday 2026-11-28 00:00 AST.</summary>
    private static readonly DateTimeOffset SaturdayMidnight = new(2026, 11, 27, 21, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<(string Tenant, string Kind, string Period), StoredReport> _reports = new();
    private readonly ConcurrentQueue<ReportWindow> _windowsRead = new();
    private readonly ConcurrentQueue<OperatorAlert> _alerts = new();
    private bool _paused;

    [Fact]
    public async Task Week_ReportTimers_BuildEachReportOncePerPeriodWithTheWeekendWindows()
    {
        await using DurableTaskTestHost host = await StartAsync();
        var timers = new ReportTimers(new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance));
        async Task TickAsync(string job, bool pastDue = false)
        {
            var timer = new TimerInfo { IsPastDue = pastDue };
            await (job switch
            {
                "ops-morning-digest" => timers.MorningDigestAsync(timer, host.Client, default),
                "product-loop-daily-digest" => timers.DailyDigestAsync(timer, host.Client, default),
                "operator-pre-shift-briefing" => timers.PreShiftBriefingAsync(timer, host.Client, default),
                _ => timers.WeeklySupportReviewAsync(timer, host.Client, default),
            });
            await host.WaitForIdleAsync();
        }

        string[] jobs = ["ops-morning-digest", "product-loop-daily-digest", "operator-pre-shift-briefing", "weekly-support-review"];
        var ticks = jobs.SelectMany(job => CronExpression.Parse(ScheduledJobCatalogue.Get(job).Cron!, CronFormat.IncludeSeconds)
                .GetOccurrences(SaturdayMidnight.UtcDateTime, SaturdayMidnight.UtcDateTime.AddDays(8), TimeZoneInfo.Utc).Select(at => (At: at, Job: job)))
            .OrderBy(t => t.At).ToList();
        var downFrom = new DateTime(2026, 12, 1, 3, 30, 0, DateTimeKind.Utc); // Tue 06:30 AST: the app stops
        var backAt = new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc);   // Tue 10:00 AST: it starts again
        bool caughtUp = false;
        foreach ((DateTime at, string job) in ticks)
        {
            if (at >= downFrom && at < backAt)
            {
                continue; // Tuesday's daily digest (07:00) and pre-shift briefing (08:30) ticks are missed
            }

            if (!caughtUp && at >= backAt)
            {
                await host.AdvanceTimeAsync(backAt - host.Clock.GetUtcNow().UtcDateTime);
                foreach (string missed in new[] { "product-loop-daily-digest", "operator-pre-shift-briefing" })
                {
                    await TickAsync(missed, pastDue: true); // the host's past-due run after the restart
                    await TickAsync(missed, pastDue: true); // and a second instance starting up too
                }

                caughtUp = true;
            }

            await host.AdvanceTimeAsync(at - host.Clock.GetUtcNow().UtcDateTime);
            _paused = at.AddHours(3).DayOfWeek == DayOfWeek.Wednesday;
            await TickAsync(job);
            if (at.AddHours(3).DayOfWeek == DayOfWeek.Monday)
            {
                await TickAsync(job); // delivered twice
            }
        }

        string[] everyDay = ["20261128", "20261129", "20261130", "20261201", "20261203", "20261204", "20261205"]; // not Wednesday 12-02: paused
        string[] sundayToThursday = ["20261129", "20261130", "20261201", "20261203"];
        string[] expected =
        [
            .. everyDay.SelectMany(d => new[] { $"morning-digest|{d}", $"daily-digest|{d}" }),
            .. sundayToThursday.Select(d => $"pre-shift-briefing|{d}"),
            "weekly-support-review|2026W48",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), _reports.Keys.Where(k => k.Tenant == "acme").Select(k => $"{k.Kind}|{k.Period}").Order(StringComparer.Ordinal));
        Assert.Equal(_reports.Count, 2 * expected.Length); // both tenants
        Assert.DoesNotContain(_reports.Keys, k => k.Period == "20261202"); // Wednesday: paused

        // Sunday's digests cover Thursday to Saturday; Friday's and Saturday's the day before; Monday's Sunday.
        Assert.Equal("Thu 2026-11-26 – Sat 2026-11-28 (AST)", Label("daily-digest", "20261129"));
        Assert.Equal("Thu 2026-11-26 – Sat 2026-11-28 (AST)", Label("morning-digest", "20261129"));
        Assert.Equal("Thu 2026-12-03 (AST)", Label("daily-digest", "20261204"));
        Assert.Equal("Fri 2026-12-04 (AST)", Label("daily-digest", "20261205"));
        Assert.Equal("Sun 2026-11-29 (AST)", Label("daily-digest", "20261130"));
        Assert.Equal("Sun 2026-11-22 – Sat 2026-11-28 (AST)", Label("weekly-support-review", "2026W48"));
        Assert.Equal("Tue 2026-12-01 (AST)", Label("pre-shift-briefing", "20261201")); // the caught-up briefing is Tuesday's

        // One alert per tenant, report and period; kind digest, for the report's role, with its link.
        Assert.Equal(_reports.Count, _alerts.Count);
        Assert.Equal(_alerts.Count, _alerts.Select(a => a.IdempotencyKey).Distinct().Count());
        OperatorAlert review = Assert.Single(_alerts, a => a.IdempotencyKey == "report:acme:weekly-support-review:2026W48");
        Assert.Equal((OperatorAlertKinds.Digest, "team_lead", "https://dealix.test/api/v1/reports/weekly-support-review?period=2026W48"), (review.Kind, review.OwnerRole, review.Link));
        Assert.StartsWith("Weekly support review — Sun 2026-11-22 – Sat 2026-11-28 (AST)", review.Title, StringComparison.Ordinal);

        // Every scheduled run started once per period; Wednesday's ran and exited at once.
        List<string> runs = [];
        await foreach (OrchestrationMetadata m in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "sched:product-loop-daily-digest:" }))
        {
            runs.Add(m.InstanceId);
        }

        Assert.Equal(8 + (7 * 2 * 2), runs.Count); // 8 days, and 7 unpaused days x 2 tenants x (the tenant run + its digest)
        Assert.Equal(_windowsRead.Count, _reports.Count + _reports.Keys.Count(k => k.Kind == "daily-digest")); // the product loop reads the digest's window too
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
        facts.Setup(f => f.ReadAsync(It.IsAny<string>(), It.IsAny<ReportWindow>(), It.IsAny<CancellationToken>()))
            .Callback((string _, ReportWindow w, CancellationToken _) => _windowsRead.Enqueue(w))
            .ReturnsAsync(ReportFacts.Empty);
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
        // The 06:00 job runs the operations checks first (no figures here: each is "not measured"), then the morning digest.
        var operations = new Mock<Orchestrations.OperationsLoop.Ports.IOperationsStore>();
        operations.Setup(o => o.ListMetricsAsync(It.IsAny<string>(), It.IsAny<DateOnly>(), It.IsAny<DateOnly>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        return await DurableTaskTestHost.StartAsync(new FakeTimeProvider(SaturdayMidnight),
            tasks => tasks.AddScheduling().AddReports().AddNotifications().AddSelfImprovement().AddOperationsLoop().AddActivity<CheckKillSwitch>(),
            services => services.AddSingleton(killSwitch.Object).AddSingleton(tenants.Object).AddSingleton(facts.Object).AddSingleton(store.Object)
                .AddSingleton(links.Object).AddSingleton(alerts.Object).AddSingleton(operations.Object)
                .AddSingleton(Mock.Of<Orchestrations.CustomerSuccess.Ports.ICustomerSuccessStore>(c => c.ListCustomersAsync(It.IsAny<CancellationToken>()) ==
                    Task.FromResult<IReadOnlyList<Orchestrations.CustomerSuccess.Contracts.CsCustomer>>(Array.Empty<Orchestrations.CustomerSuccess.Contracts.CsCustomer>())))
                .AddSingleton(new Mock<Orchestrations.Tasks.Ports.IHumanTaskStore>().Object));
    }
}
