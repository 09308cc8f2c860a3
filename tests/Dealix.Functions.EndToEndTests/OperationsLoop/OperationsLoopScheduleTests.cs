using System.Collections.Concurrent;
using System.Text.Json;
using Dealix.Functions.Reports;
using Dealix.Functions.Scheduling;
using Dealix.Orchestrations.CustomerSuccess;
using Dealix.Orchestrations.CustomerSuccess.Activities;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.OperationsLoop;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Dealix.Orchestrations.OperationsLoop.Rules;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Ports;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Activities;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Runtime.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.EndToEndTests.OperationsLoop;

/// <summary>
/// The 06:00 job on the virtual clock through its real timer and the scheduler: the daily at-risk sweep, a run on request
/// and the tick (delivered twice) on the same day raise the runway alert, the low-usage customer's outreach task, the
/// uptime post-mortem with its engineer task and the retro task each once, with one ledger line each (loop
/// <c>operations</c>), and the morning digest shows the stored revenue and uptime; a paused day does nothing, on request
/// or by timer.
/// </summary>
public class OperationsLoopScheduleTests
{
    /// <summary>Sunday 2026-12-06 06:00 AST.</summary>
    private static readonly DateTimeOffset SundaySix = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Sunday = new(2026, 12, 6);

    private readonly InMemoryOperationsStore _operations = new();
    private readonly ConcurrentDictionary<string, HumanTask> _tasks = new();
    private readonly ConcurrentQueue<string> _taskCreateCalls = new();
    private readonly ConcurrentDictionary<string, OperatorAlert> _alerts = new();
    private readonly ConcurrentDictionary<string, AuditEntry> _ledger = new();
    private readonly ConcurrentDictionary<(string Tenant, string Kind, string Period), StoredReport> _reports = new();
    private bool _paused;

    [Fact]
    public async Task MorningJob_RequestRunAndDuplicateTick_EachActionOnce_DigestShowsRevenueAndUptime_PausedDayDoesNothing()
    {
        await using DurableTaskTestHost host = await StartAsync();
        var timers = new ReportTimers(new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance));
        async Task PutAsync(string metric, int daysBefore, decimal value) =>
            await _operations.UpsertMetricAsync("acme", new MetricPoint(metric, Sunday.AddDays(-daysBefore), value, "test"));
        await PutAsync(OperationsMetrics.RunwayMonths, 0, 5.5m);
        await PutAsync(OperationsMetrics.UptimePct, 1, 97m);
        for (int d = 2; d <= 7; d++)
        {
            await PutAsync(OperationsMetrics.UptimePct, d, 99.9m);
        }

        await PutAsync(OperationsMetrics.VelocityBaseline, 5, 40m);
        await PutAsync(OperationsMetrics.Velocity, 1, 25m);
        await PutAsync(OperationsMetrics.RevenueSar, 3, 1000.5m); // Thursday
        await PutAsync(OperationsMetrics.RevenueSar, 2, 2000m);   // Friday; Saturday has no figure

        // 06:00: the at-risk sweep (its own timer, the same minute) makes c-low's outreach task first.
        await host.Client.ScheduleNewOrchestrationInstanceAsync(CustomerSuccessAtRiskSweepOrchestrator.Name, new CsJobInput("20261206", Sunday),
            new StartOrchestrationOptions("sched:cs-at-risk:20261206"));
        await host.WaitForIdleAsync();
        // An operator runs the loop on request (POST /api/v1/loops/operations/run); then the tick comes, twice.
        await host.Client.ScheduleNewOrchestrationInstanceAsync(OperationsLoopOrchestrator.Name, new OutreachRunInput("acme", "c-request", "request:operations:20261206"),
            new StartOrchestrationOptions("loop:acme:operations:20261206:request"));
        await host.WaitForIdleAsync();
        await timers.MorningDigestAsync(new TimerInfo(), host.Client, default);
        await timers.MorningDigestAsync(new TimerInfo(), host.Client, default);
        await host.WaitForIdleAsync();

        Assert.Equal(["sched:ops-morning-digest:20261206", "sched:ops-morning-digest:20261206:acme", "sched:ops-morning-digest:20261206:acme:digest"],
            await InstancesAsync(host, "sched:ops-"));
        Assert.Equal(["ops:acme:20261206:post_mortem", "ops:acme:20261206:retro", "sched:cs-at-risk:20261206:acme:c-low:personal_outreach"], _tasks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(7, _taskCreateCalls.Count); // the sweep 1, each loop run 3: created once each
        HumanTask outreach = _tasks["sched:cs-at-risk:20261206:acme:c-low:personal_outreach"];
        Assert.Equal(("cs", "personal_outreach", "csm", "high"), (outreach.Area, outreach.Kind, outreach.OwnerRole, outreach.Details!["priority"]));
        HumanTask postMortemTask = _tasks["ops:acme:20261206:post_mortem"];
        Assert.Equal(("engineer", "/api/v1/operations/post-mortems/uptime-20261206"), (postMortemTask.OwnerRole, postMortemTask.Details!["link"]));
        Assert.Equal(("team_lead", "schedule_retro"), (_tasks["ops:acme:20261206:retro"].OwnerRole, _tasks["ops:acme:20261206:retro"].Kind));

        PostMortemDraft postMortem = Assert.Single(_operations.PostMortems.Values);
        Assert.StartsWith("# Post-mortem uptime-20261206 (SEV3): 7-day uptime 99.486 % under 99.5 %", postMortem.Markdown, StringComparison.Ordinal);
        Assert.Contains("- 2026-12-05: 97 % (test)", postMortem.Markdown, StringComparison.Ordinal);
        Assert.Contains("## Action items (owner, due date)", postMortem.Markdown, StringComparison.Ordinal);

        OperatorAlert runway = Assert.Single(_alerts.Values, a => a.Kind == "runway_low");
        Assert.Equal(("Runway at 5.5 months", "critical", "founder"), (runway.Title, runway.Severity, runway.OwnerRole));
        Assert.Single(_alerts.Values, a => a.Kind == OperatorAlertKinds.Digest);

        AuditEntry[] ops = [.. _ledger.Values.Where(e => e.Action.StartsWith("ops_", StringComparison.Ordinal)).OrderBy(e => e.Action, StringComparer.Ordinal)];
        Assert.Equal(["ops_personal_outreach", "ops_post_mortem", "ops_runway_alert", "ops_schedule_retro"], ops.Select(e => e.Action));
        Assert.All(ops, e => Assert.Equal(("A", "automation", true, "c-request"), (e.ActionClass, e.Actor, e.AutoApproved, e.CorrelationId)));
        Assert.Equal("task_exists", ops[0].Outcome); // the sweep had made it
        Assert.Equal("post_mortem_created,task_created", ops[1].Outcome);

        OperationsLoopResult request = (await host.GetOutputAsync<OperationsLoopResult>("loop:acme:operations:20261206:request"))!;
        OperationsLoopResult timed = (await host.GetOutputAsync<OperationsLoopResult>("sched:ops-morning-digest:20261206:acme"))!;
        Assert.Equal(("completed", 2, 1), (request.Status, request.TasksCreated, request.PostMortemsCreated));
        Assert.Equal(("completed", 0, 0, "stored"), (timed.Status, timed.TasksCreated, timed.PostMortemsCreated, timed.Digest));
        Assert.Equal(["action", "action", "action", "action"], timed.Checks.Select(c => c.Status));

        using (JsonDocument digest = JsonDocument.Parse(_reports[("acme", ReportKinds.MorningDigest, "20261206")].Json))
        {
            JsonElement content = digest.RootElement.GetProperty("content");
            Assert.Equal(("3000.5", 2, 3), (content.GetProperty("revenue").GetProperty("value").GetString(), content.GetProperty("revenue").GetProperty("days_measured").GetInt32(),
                content.GetProperty("revenue").GetProperty("days").GetInt32()));
            Assert.Equal("99.486", content.GetProperty("uptime").GetProperty("value").GetString());
        }

        // Monday is paused: neither the tick nor a run on request does anything.
        _paused = true;
        await host.AdvanceTimeAsync(SundaySix.AddDays(1) - host.Clock.GetUtcNow());
        await timers.MorningDigestAsync(new TimerInfo(), host.Client, default);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(OperationsLoopOrchestrator.Name, new OutreachRunInput("acme", "c-paused", "request:operations:20261207"),
            new StartOrchestrationOptions("loop:acme:operations:20261207:request"));
        await host.WaitForIdleAsync();
        Assert.Equal(OperationsLoopOrchestrator.SkippedPaused, (await host.GetOutputAsync<OperationsLoopResult>("loop:acme:operations:20261207:request"))!.Status);
        Assert.Contains("sched:ops-morning-digest:20261207", await InstancesAsync(host, "sched:ops-"));
        Assert.DoesNotContain("sched:ops-morning-digest:20261207:acme", await InstancesAsync(host, "sched:ops-"));
        Assert.DoesNotContain(_reports.Keys, k => k.Period == "20261207");
        Assert.Equal(3, _tasks.Count);
    }

    private static async Task<List<string>> InstancesAsync(DurableTaskTestHost host, string prefix)
    {
        List<string> ids = [];
        await foreach (OrchestrationMetadata m in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }))
        {
            Assert.NotEqual(OrchestrationRuntimeStatus.Failed, m.RuntimeStatus);
            ids.Add(m.InstanceId);
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private async Task<DurableTaskTestHost> StartAsync()
    {
        var killSwitch = new Mock<IKillSwitch>();
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _paused);
        var tenants = new Mock<ITenantDirectory>();
        tenants.Setup(t => t.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(["acme"]);
        var customers = new Mock<ICustomerSuccessStore>();
        DateTimeOffset started = SundaySix.AddDays(-60);
        customers.Setup(c => c.ListCustomersAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new CsCustomer("acme", "c-low", "growth_starter", started, new DateOnly(2027, 6, 1), "cs:acme:c-low"),
            new CsCustomer("acme", "c-ok", "growth_starter", started, new DateOnly(2027, 6, 1), "cs:acme:c-ok"),
        ]);
        customers.Setup(c => c.GetHealthInputsAsync("acme", "c-low", It.IsAny<CancellationToken>())).ReturnsAsync(new HealthInputs(0, 9, 10, 3, 5, 2, 2, false, 0, 0, 0, 0, false, true));
        customers.Setup(c => c.GetHealthInputsAsync("acme", "c-ok", It.IsAny<CancellationToken>())).ReturnsAsync(new HealthInputs(6, 1, 10, 3, 5, 2, 2, false, 0, 0, 0, 0, false, true));
        var tasks = new Mock<IHumanTaskStore>();
        tasks.Setup(t => t.CreateAsync(It.IsAny<HumanTask>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((HumanTask task, CancellationToken _) => { _taskCreateCalls.Enqueue(task.TaskId); return _tasks.TryAdd(task.TaskId, task); });
        tasks.Setup(t => t.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string tenant, string id, CancellationToken _) => _tasks.TryGetValue(id, out HumanTask? t) && t.Tenant == tenant ? t : null);
        var ledger = new Mock<IAuditLedger>();
        ledger.Setup(l => l.AppendAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback((AuditEntry e, CancellationToken _) => _ledger.TryAdd(e.EntryId, e)).Returns(Task.CompletedTask);
        var alerts = new Mock<IOperatorAlerts>();
        alerts.Setup(a => a.SendAsync(It.IsAny<OperatorAlert>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OperatorAlert a, CancellationToken _) =>
            {
                Assert.Null(OperatorAlertValidation.Problem(a));
                _alerts.TryAdd(a.IdempotencyKey, a);
                return true;
            });
        var facts = new Mock<IReportFactsSource>();
        facts.Setup(f => f.ReadAsync(It.IsAny<string>(), It.IsAny<ReportWindow>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string tenant, ReportWindow w, CancellationToken _) => ReportFacts.Empty with
            {
                OperationsMetrics = _operations.ListMetricsAsync(tenant, w.RunDay.AddDays(-35), w.RunDay, CancellationToken.None).Result,
            });
        var reports = new Mock<IReportStore>();
        reports.Setup(s => s.SaveAsync(It.IsAny<StoredReport>(), It.IsAny<CancellationToken>()))
            .Callback((StoredReport r, CancellationToken _) => _reports[(r.Tenant, r.Kind, r.Period)] = r).Returns(Task.CompletedTask);
        var links = new Mock<IReportLinks>();
        links.Setup(l => l.For(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string _, string kind, string period) => $"https://dealix.test/api/v1/reports/{kind}?period={period}");
        return await DurableTaskTestHost.StartAsync(new FakeTimeProvider(SundaySix),
            registry => registry.AddScheduling().AddReports().AddNotifications().AddOperationsLoop()
                .AddActivity<CheckKillSwitch>().AddActivity<CreateHumanTask>()
                .AddOrchestrator<CustomerSuccessAtRiskSweepOrchestrator>().AddActivity<ListCsCustomers>().AddActivity<ScoreCustomerRisk>(),
            services => services.AddSingleton(killSwitch.Object).AddSingleton(tenants.Object).AddSingleton(customers.Object).AddSingleton(tasks.Object)
                .AddSingleton(ledger.Object).AddSingleton(alerts.Object).AddSingleton(facts.Object).AddSingleton(reports.Object).AddSingleton(links.Object)
                .AddSingleton<Orchestrations.OperationsLoop.Ports.IOperationsStore>(_operations));
    }
}
