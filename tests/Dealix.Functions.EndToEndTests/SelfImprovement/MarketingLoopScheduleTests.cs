using System.Collections.Concurrent;
using System.Text.Json;
using Dealix.Functions.Scheduling;
using Dealix.Functions.SelfImprovement;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Onboarding.Activities;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Ports;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Runtime.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.EndToEndTests.SelfImprovement;

/// <summary>
/// The marketing loop on the virtual clock through its real timer and the scheduler: the 08:00 AST tick (delivered
/// twice) runs <c>sched:marketing-ad-review:{day}</c> once; the +30 % and the ad pause are applied at once and audited as
/// auto-approved, once per day even when an operator ran the loop on request first; the cut waits in the approval center as a <c>loop_action</c> draft, reminds the team lead at 18 h, and
/// is applied only when approved, with the reviewer on the ledger; a paused day changes nothing.
/// </summary>
public class MarketingLoopScheduleTests
{
    /// <summary>Sunday 2026-12-06 08:00 AST.</summary>
    private static readonly DateTimeOffset SundayEight = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCampaignStore _campaigns = new();
    private readonly ConcurrentDictionary<string, ReplyDraft> _drafts = new();
    private readonly ConcurrentQueue<AuditEntry> _ledger = new();
    private readonly ConcurrentQueue<OperatorAlert> _alerts = new();
    private bool _paused;

    [Fact]
    public async Task DailyTick_AutoChangesApplied_CutOnlyAfterApproval_DuplicateAndPausedTicksChangeNothing()
    {
        await using DurableTaskTestHost host = await StartAsync();
        var timers = new LoopTimers(new ScheduledJobStarter(host.Clock, NullLogger<ScheduledJobStarter>.Instance));
        DateTime t0 = SundayEight.UtcDateTime;
        await _campaigns.UpsertAsync(new Campaign("acme", "strong", "Strong", 1000m, 70m, 45m, 12, true, false, t0));
        await _campaigns.UpsertAsync(new Campaign("acme", "weak", "Weak", 2000m, 50m, 80m, 9, true, false, t0));
        await _campaigns.UpsertAsync(new Campaign("acme", "failing", "Failing", 500m, 50m, 200m, 2, true, false, t0));

        // An operator runs the loop on request first (as POST /api/v1/loops/marketing/run does); the day's timed run that
        // follows must not raise the budget a second time, nor propose the cut again.
        await host.Client.ScheduleNewOrchestrationInstanceAsync(MarketingLoopOrchestrator.Name,
            new Orchestrations.Outreach.Contracts.OutreachRunInput("acme", "c-request", "request:marketing:20261206"),
            new StartOrchestrationOptions("loop:acme:marketing:20261206:request"));
        await host.WaitForIdleAsync();
        Assert.Equal((1300m, "20261206"), (_campaigns["acme", "strong"].Budget, _campaigns["acme", "strong"].AutoChangedPeriod));

        await timers.MarketingAdReviewAsync(new TimerInfo(), host.Client, default);
        await timers.MarketingAdReviewAsync(new TimerInfo(), host.Client, default); // delivered twice
        await host.WaitForIdleAsync();

        Assert.Equal(["sched:marketing-ad-review:20261206", "sched:marketing-ad-review:20261206:acme"], await InstancesAsync(host, "sched:"));
        Assert.Equal(1300m, _campaigns["acme", "strong"].Budget);
        Assert.True(_campaigns["acme", "failing"].AdsPaused);
        Assert.Equal(500m, _campaigns["acme", "failing"].Budget);
        Assert.Equal(2000m, _campaigns["acme", "weak"].Budget); // nothing before approval
        ReplyDraft cut = Assert.Single(_drafts.Values);
        Assert.Equal(("mar-20261206-cut-weak", DraftKind.LoopAction, "reduce_budget", DraftStatus.PendingApproval, t0.AddHours(72)),
            (cut.DraftId, cut.Kind, cut.Category, cut.Status, cut.ExpiresAt));
        Assert.Equal("reduce_budget on weak: budget 2000 → 1600 SAR (-20%). Reason: CPA 80 > target 50.", cut.Text);
        AuditEntry up = Assert.Single(_ledger, e => e.Action == "increase_budget");
        Assert.Equal(("1000", "1300", "Strong CPA 45, scaling up", true, "automation", "applied"), (up.From, up.To, up.Reason, up.AutoApproved, up.Actor, up.Outcome));
        Assert.Single(_ledger, e => e.Action == "pause_failing_ads" && e.AutoApproved && e.Outcome == "applied");

        // At 75 % of the 24-hour SLA the team lead is reminded; still nothing applied.
        await host.AdvanceTimeAsync(TimeSpan.FromHours(18));
        Assert.Single(_alerts, a => a.Kind == OperatorAlertKinds.ApprovalReminder && a.OwnerRole == "team_lead");
        Assert.Equal(2000m, _campaigns["acme", "weak"].Budget);

        // Approved through the approval instance (what the approval center's route raises): applied, with the reviewer.
        _drafts[cut.DraftId] = cut with { Status = DraftStatus.Approved, Reviewer = "founder-1" };
        await host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId("acme", cut.DraftId), DealEvents.DraftDecided,
            new DraftDecision(cut.DraftId, DraftDecisionKind.Approved, "founder-1", CorrelationId: cut.CorrelationId));
        await host.WaitForIdleAsync();
        Assert.Equal(1600m, _campaigns["acme", "weak"].Budget);
        AuditEntry applied = Assert.Single(_ledger, e => e.Action == "reduce_budget");
        Assert.Equal(("2000", "1600", false, "founder-1", "applied", cut.DraftId), (applied.From, applied.To, applied.AutoApproved, applied.Actor, applied.Outcome, applied.ApprovalId));
        Assert.Equal(cut.CorrelationId, applied.CorrelationId);

        // The next day is paused: the run exits at once and changes nothing (the strong campaign would go up again).
        _paused = true;
        await host.AdvanceTimeAsync(SundayEight.UtcDateTime.AddDays(1) - host.Clock.GetUtcNow().UtcDateTime);
        await timers.MarketingAdReviewAsync(new TimerInfo(), host.Client, default);
        await host.WaitForIdleAsync();
        Assert.Equal(1300m, _campaigns["acme", "strong"].Budget);
        Assert.DoesNotContain("sched:marketing-ad-review:20261207:acme", await InstancesAsync(host, "sched:"));
        Assert.Contains("sched:marketing-ad-review:20261207", await InstancesAsync(host, "sched:"));
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
        var drafts = new Mock<IDraftStore>();
        drafts.Setup(d => d.CreateAsync(It.IsAny<ReplyDraft>(), It.IsAny<CancellationToken>()))
            .Callback((ReplyDraft d, CancellationToken _) => _drafts[d.DraftId] = d).Returns(Task.CompletedTask);
        var ledger = new Mock<IAuditLedger>();
        ledger.Setup(l => l.AppendAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback((AuditEntry e, CancellationToken _) => { if (!_ledger.Any(x => x.EntryId == e.EntryId)) { _ledger.Enqueue(e); } })
            .Returns(Task.CompletedTask);
        var starter = new ClientStarter();
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(new FakeTimeProvider(SundayEight),
            tasks => tasks.AddScheduling().AddSelfImprovement()
                .AddActivity<CreateReplyDraft>().AddActivity<CloseDraft>().AddActivity<StartOrchestrationOnce>()
                .AddActivityFunc<OperatorAlert, bool>(OperatorAlertActivities.Send, (_, alert) => { _alerts.Enqueue(alert); return true; }),
            services => services.AddSingleton(killSwitch.Object).AddSingleton(tenants.Object).AddSingleton(drafts.Object).AddSingleton(ledger.Object)
                .AddSingleton<Orchestrations.SelfImprovement.Ports.ICampaignStore>(_campaigns).AddSingleton<IOrchestrationStarter>(starter));
        starter.Client = host.Client;
        return host;
    }

    private sealed class ClientStarter : IOrchestrationStarter
    {
        public DurableTaskClient Client { get; set; } = null!;

        public async Task<bool> StartOnceAsync(string orchestrator, string instanceId, JsonElement input, CancellationToken cancellationToken = default)
        {
            if (await Client.GetInstanceAsync(instanceId, cancellationToken) is not null)
            {
                return false;
            }

            await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
    }
}
