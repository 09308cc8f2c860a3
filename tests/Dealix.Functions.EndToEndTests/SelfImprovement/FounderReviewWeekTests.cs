using System.Collections.Concurrent;
using System.Text.Json;
using Cronos;
using Dealix.Functions.Scheduling;
using Dealix.Functions.SelfImprovement;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Ports;
using Dealix.Runtime.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.EndToEndTests.SelfImprovement;

/// <summary>
/// The founder auto-action review pack (§17.7, §18 Fri 08:00 AST) over three simulated weeks on the virtual clock,
/// through its real timer, the scheduler and the report run: built on Fridays only, once per ISO week (a duplicate tick
/// builds nothing more), skipped on the paused Friday, each pack covering Friday–Thursday before it with that week's
/// auto-actions, and announced once to the founder.
/// </summary>
public class FounderReviewWeekTests
{
    /// <summary>Saturday 2026-11-21 00:00 AST.</summary>
    private static readonly DateTimeOffset SaturdayMidnight = new(2026, 11, 20, 21, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<(string Tenant, string Period), StoredReport> _reports = new();
    private readonly ConcurrentQueue<OperatorAlert> _alerts = new();
    private bool _paused;

    [Fact]
    public async Task ThreeWeeks_FridayTimer_BuildsEachWeeksPackOnce_PausedFridaySkipped()
    {
        await using DurableTaskTestHost host = await StartAsync();
        var timers = new LoopTimers(new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance));
        ScheduledJob job = ScheduledJobCatalogue.Get("founder-auto-action-review");
        List<DateTime> ticks = [.. CronExpression.Parse(job.Cron!, CronFormat.IncludeSeconds).GetOccurrences(SaturdayMidnight.UtcDateTime, SaturdayMidnight.UtcDateTime.AddDays(21), TimeZoneInfo.Utc)];
        Assert.All(ticks, t => Assert.Equal((DayOfWeek.Friday, 8), (t.AddHours(3).DayOfWeek, t.AddHours(3).Hour)));
        foreach (DateTime at in ticks)
        {
            await host.AdvanceTimeAsync(at - host.Clock.GetUtcNow().UtcDateTime);
            _paused = at.AddHours(3).Day == 4; // Friday 12-04: the kill switch is on
            await timers.FounderAutoActionReviewAsync(new TimerInfo(), host.Client, default);
            await timers.FounderAutoActionReviewAsync(new TimerInfo(), host.Client, default); // delivered twice
            await host.WaitForIdleAsync();
        }

        Assert.Equal(["2026W48", "2026W50"], _reports.Keys.Select(k => k.Period).Order(StringComparer.Ordinal));
        using JsonDocument week48 = JsonDocument.Parse(_reports[("acme", "2026W48")].Json);
        Assert.Equal("Fri 2026-11-20 – Thu 2026-11-26 (AST)", week48.RootElement.GetProperty("header").GetProperty("window_label").GetString());
        JsonElement content = week48.RootElement.GetProperty("content");
        Assert.Equal((1, 1), (content.GetProperty("auto_actions").GetInt32(), content.GetProperty("reverted").GetInt32()));
        using JsonDocument week50 = JsonDocument.Parse(_reports[("acme", "2026W50")].Json);
        Assert.Equal(1, week50.RootElement.GetProperty("content").GetProperty("auto_actions").GetInt32());
        Assert.Equal("a3", week50.RootElement.GetProperty("content").GetProperty("actions")[0].GetProperty("audit_id").GetString());

        OperatorAlert alert = Assert.Single(_alerts, a => a.IdempotencyKey == "report:acme:founder-auto-action-review:2026W50");
        Assert.Equal((OperatorAlertKinds.Digest, "founder"), (alert.Kind, alert.OwnerRole));
        Assert.StartsWith("Founder auto-action review pack — Fri 2026-12-04 – Thu 2026-12-10 (AST)", alert.Title, StringComparison.Ordinal);
        Assert.Equal(2, _alerts.Count);
    }

    private async Task<DurableTaskTestHost> StartAsync()
    {
        var killSwitch = new Mock<IKillSwitch>();
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _paused);
        var tenants = new Mock<ITenantDirectory>();
        tenants.Setup(t => t.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(["acme"]);
        static AuditEntry Raise(string id, DateTime at) => new(id, "acme", "c-" + id, "increase_budget", "B", "automation", "strong", at, From: "1000", To: "1300",
            Reason: "Strong CPA 45, scaling up", AutoApproved: true, Outcome: "applied");
        AuditEntry[] ledger =
        [
            Raise("a1", new DateTime(2026, 11, 22, 5, 0, 0, DateTimeKind.Utc)),   // week 48's window (Fri 11-20 – Thu 11-26)
            new("r1", "acme", "c-r1", "revert", "B", "founder-1", "strong", new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc), From: "1300", To: "1000",
                Reason: "spike", Outcome: "applied", RevertsAuditId: "a1"),
            Raise("a2", new DateTime(2026, 11, 29, 5, 0, 0, DateTimeKind.Utc)),   // week 49 (paused: not built)
            Raise("a3", new DateTime(2026, 12, 6, 5, 0, 0, DateTimeKind.Utc)),    // week 50's window (Fri 12-04 – Thu 12-10)
        ];
        var facts = new Mock<IReportFactsSource>();
        facts.Setup(f => f.ReadAsync(It.IsAny<string>(), It.IsAny<ReportWindow>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, ReportWindow w, CancellationToken _) => ReportFacts.Empty with { Ledger = [.. ledger.Where(e => e.At < w.End)] });
        var store = new Mock<IReportStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<StoredReport>(), It.IsAny<CancellationToken>()))
            .Callback((StoredReport r, CancellationToken _) => _reports[(r.Tenant, r.Period)] = r)
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
