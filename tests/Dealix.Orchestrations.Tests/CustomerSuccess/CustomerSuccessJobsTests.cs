using Dealix.Orchestrations.CustomerSuccess;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.CustomerSuccess;

/// <summary>The daily at-risk sweep (§14.3) and the Sun–Thu CS scheduler (§18) on the virtual clock.</summary>
public sealed class CustomerSuccessJobsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public async Task AtRiskSweep_ScoresEveryCustomer_HighAndMediumGetTasksAndAlerts_LowIsListedOnly()
    {
        await using CsHarness cs = await CsHarness.StartAsync();
        await AddCustomerAsync(cs, "high", new HealthInputs(0, 14, 60, 20, 30, 2, 0, true, 0, 0, 0, 0, false, false));
        await AddCustomerAsync(cs, "idle", CsHarness.Healthy(draftsPending: 0, daysInactive: 7) with { LastProofPackDaysAgo = 0 });
        await AddCustomerAsync(cs, "fine", CsHarness.Healthy());
        await AddCustomerAsync(cs, "backlog", CsHarness.Healthy(draftsPending: 21, daysInactive: 0) with { LastProofPackDaysAgo = 0 });
        await AddCustomerAsync(cs, "new", null);

        CsJobResult result = await RunAsync(cs, CustomerSuccessAtRiskSweepOrchestrator.Name, "sched:cs-at-risk:20261122");

        Assert.Equal(new CsJobResult("20261122", false, 5, 3, 3), result);
        Assert.Equal(["backlog", "fine", "high", "idle"], cs.Store.Scores.Select(s => s.CustomerId));
        Assert.Equal((100, RiskSeverity.High), Risk(cs, "high"));
        Assert.Equal((20, RiskSeverity.Medium), Risk(cs, "idle")); // 7 inactive days lift a low score to medium
        Assert.Equal(RiskSeverity.Low, Risk(cs, "fine").Severity);

        string prefix = "sched:cs-at-risk:20261122:acme";
        var high = cs.CreatedTasks[$"{prefix}:high:personal_outreach"];
        Assert.Equal(("high", "yes", "csm"), (high.Task.Details!["priority"], high.Task.Details["founder_digest"], high.Task.OwnerRole));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), high.Task.DueAt); // 1 business day
        Assert.Equal("cs:acme:high", high.Task.InstanceId);
        var idle = cs.CreatedTasks[$"{prefix}:idle:personal_outreach"];
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero), idle.Task.DueAt); // 3 business days
        Assert.Contains("drafts_pending_over_20", cs.CreatedTasks[$"{prefix}:backlog:health_review"].Task.Details!["red_flags"], StringComparison.Ordinal);
        Assert.Equal("critical", cs.SentAlerts[$"{prefix}:high"].Severity);
        Assert.Equal(("at_risk", "warning"), (cs.SentAlerts[$"{prefix}:idle"].Kind, cs.SentAlerts[$"{prefix}:idle"].Severity));
        Assert.False(cs.SentAlerts.ContainsKey($"{prefix}:fine"));
        Assert.DoesNotContain(cs.CreatedTasks.Keys, k => k.Contains(":fine:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AtRiskSweep_KillSwitchOn_ScoresAndAlertsNothing()
    {
        await using CsHarness cs = await CsHarness.StartAsync();
        await AddCustomerAsync(cs, "high", new HealthInputs(0, 14, 60, 20, 30, 2, 0, true, 0, 0, 0, 0, false, false));
        cs.Paused = true;

        CsJobResult result = await RunAsync(cs, CustomerSuccessAtRiskSweepOrchestrator.Name, "sched:cs-at-risk:20261122");

        Assert.True(result.SkippedPaused);
        Assert.Empty(cs.Store.Scores);
        Assert.Empty(cs.CreatedTasks);
        Assert.Empty(cs.SentAlerts);
    }

    [Fact]
    public async Task CsScheduler_ListsEachTenantsTouchpointsOfTheDay_AndWarnsOfMissedOnes()
    {
        await using CsHarness cs = await CsHarness.StartAsync();
        await cs.Store.AddTouchpointsAsync("acme", "c1", [Point(Today, "weekly_check_in")]);
        await cs.Store.AddTouchpointsAsync("acme", "c2", [Point(Today.AddDays(-4), "monthly_proof_review")]);
        await cs.Store.AddTouchpointsAsync("acme", "c3", [Point(Today.AddDays(-3), "weekly_check_in")]);
        await cs.Store.MarkHeldAsync("acme", "c3", Point(Today.AddDays(-3), "weekly_check_in").Key, "t-1", cs.Host.Now);
        await cs.Store.AddTouchpointsAsync("globex", "c9", [Point(Today, "qbr"), Point(Today.AddDays(1), "weekly_check_in")]);

        CsJobResult result = await RunAsync(cs, CustomerSuccessSchedulerOrchestrator.Name, "sched:cs-cadence:20261122");

        Assert.Equal(new CsJobResult("20261122", false, 3, 2, 0), result);
        var acme = cs.SentAlerts["sched:cs-cadence:20261122:acme"];
        Assert.Equal(("digest", "warning", "Customer success today: 1 touchpoints, 1 missed"), (acme.Kind, acme.Severity, acme.Title));
        Assert.Equal("c1: weekly_check_in\nc2: monthly_proof_review (missed, due 2026-11-18)", acme.Body);
        var globex = cs.SentAlerts["sched:cs-cadence:20261122:globex"];
        Assert.Equal(("info", "c9: qbr"), (globex.Severity, globex.Body));
    }

    private static async Task AddCustomerAsync(CsHarness cs, string customer, HealthInputs? inputs)
    {
        await cs.Store.SaveCustomerAsync(new CsCustomer("acme", customer, "growth_starter", cs.Host.Now.AddDays(-40), Today.AddDays(300), $"cs:acme:{customer}"));
        if (inputs is not null)
        {
            await cs.Store.SaveHealthInputsAsync("acme", customer, inputs, cs.Host.Now);
        }
    }

    private static async Task<CsJobResult> RunAsync(CsHarness cs, string orchestrator, string instanceId)
    {
        await cs.Host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, new CsJobInput("20261122", Today), new StartOrchestrationOptions(instanceId));
        return (await cs.Host.GetOutputAsync<CsJobResult>(instanceId))!;
    }

    private static (int Score, RiskSeverity Severity) Risk(CsHarness cs, string customer)
    {
        CsScore score = cs.Store.Scores.Single(s => s.CustomerId == customer);
        return (score.Risk.RiskScore, score.Risk.Severity);
    }

    private static CadenceTouchpoint Point(DateOnly date, string item) =>
        new($"{date:yyyyMMdd}:{item}", item, 0, date, new DateTimeOffset(date.ToDateTime(new TimeOnly(5, 30)), TimeSpan.Zero));
}
