using Dealix.Orchestrations.CustomerSuccess;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask.Client;

namespace Dealix.Orchestrations.Tests.CustomerSuccess;

/// <summary>A customer's cadence on the virtual clock: a quarter of touchpoints across monthly continue-as-new, and a
/// renewal at −30/−7 days and on the date.</summary>
public sealed class CustomerSuccessCadenceTests
{
    private static readonly DateOnly Activation = new(2026, 11, 22);

    [Fact]
    public async Task Cadence_AQuarterOfGrowthStarter_HoldsWeeklyCheckInsContinuesMonthlyKeepingStateAndHoldsTheQbr()
    {
        await using CsHarness cs = await CsHarness.StartAsync();
        await cs.Store.SaveHealthInputsAsync(CsHarness.Tenant, "c1", CsHarness.Healthy(draftsPending: 6), cs.Host.Clock.GetUtcNow());
        string id = await cs.StartCadenceAsync("c1");

        await cs.Host.AdvanceTimeAsync(TimeSpan.FromDays(92));
        OrchestrationMetadata instance = await cs.EnsureNotFailedAsync(id);

        // Weekly check-ins on days 7, 14, 21, 28 of each plan month, at 08:30 AST, with the §14.2 agenda and the pending drafts.
        var checkIns = cs.CreatedTasks.Values.Where(t => t.Task.Kind == "weekly_check_in").OrderBy(t => t.At).ToList();
        Assert.Equal(12, checkIns.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 5, 30, 0, TimeSpan.Zero), checkIns[0].At);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 5, 30, 0, TimeSpan.Zero), checkIns[1].At);
        Assert.All(checkIns, t =>
        {
            Assert.Equal("csm", t.Task.OwnerRole);
            Assert.Equal(id, t.Task.InstanceId);
            Assert.Equal("عندكم 6 مسودة تنتظر اعتمادكم — نراجعها سوا؟", t.Task.Details!["talking_point_2"]);
            Assert.Contains("8 min: Pending approvals and drafts", t.Task.Details["agenda"], StringComparison.Ordinal);
            Assert.NotEqual(DayOfWeek.Friday, (t.At + TimeSpan.FromHours(3)).DayOfWeek);
            Assert.NotEqual(DayOfWeek.Saturday, (t.At + TimeSpan.FromHours(3)).DayOfWeek);
        });
        Assert.Equal(3, cs.Tasks("monthly_proof_review").Count());

        // Day 90 is Saturday 2027-02-20: the QBR moves to Sunday, with an alert to the operators.
        (HumanTask qbr, DateTimeOffset qbrAt) = Assert.Single(cs.CreatedTasks.Values, t => t.Task.Kind == "qbr");
        Assert.Equal(new DateTimeOffset(2027, 2, 21, 5, 30, 0, TimeSpan.Zero), qbrAt);
        Assert.Equal("qbr", cs.SentAlerts[qbr.TaskId].Kind);

        // The handoff ran once, in the first month, and passed: the state crossed two continue-as-new boundaries.
        Assert.Single(cs.CreateCalls, c => c == $"{id}:handoff");
        Assert.Equal("yes", cs.CreatedTasks[$"{id}:handoff"].Task.Details!["delivery_succeeded"]);
        Assert.Contains(cs.Ledger.Ledger, e => e.Action == "cs_handoff" && e.Outcome == "delivery_succeeded");
        Assert.DoesNotContain(cs.SentAlerts.Values, a => a.Kind == "cs_handoff_blocked");
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance.RuntimeStatus);
        CustomerSuccessCadenceInput state = instance.ReadInputAs<CustomerSuccessCadenceInput>()!;
        Assert.Equal((3, true, 16, "20270221:qbr"), (state.Month, state.HandoffDone, state.TouchpointsHeld, state.LastTouchpoint));
        Assert.Equal(Activation.AddDays(365), state.RenewalDate);
        CadenceStatus status = instance.ReadCustomStatusAs<CadenceStatus>()!;
        Assert.Equal((3, 16), (status.Month, status.TouchpointsHeld));
        Assert.Equal("weekly_check_in", status.Next[0].Item);
        Assert.All(await cs.Store.ListTouchpointsAsync(CsHarness.Tenant, "c1"), t => Assert.Equal(t.DueAt <= cs.Host.Now ? "held" : "scheduled", t.Status));
    }

    [Fact]
    public async Task Cadence_JustStarted_CustomStatusListsTheNextTouchpoints()
    {
        await using CsHarness cs = await CsHarness.StartAsync();
        string id = await cs.StartCadenceAsync("c2", bundle: "executive_growth_os");

        CadenceStatus status = (await cs.Host.GetInstanceAsync(id)).ReadCustomStatusAs<CadenceStatus>()!;
        Assert.Equal(CustomerSuccessCadenceOrchestrator.StatusTouchpoints, status.Next.Count);
        Assert.Equal(["executive_pack", "weekly_check_in", "founder_shadow_board", "executive_pack", "weekly_check_in"], status.Next.Select(t => t.Item));
        Assert.Equal(new DateOnly(2026, 11, 29), status.Next[0].Date);
        Assert.Equal(new DateOnly(2026, 12, 2), status.Next[2].Date);
        Assert.Equal(0, status.TouchpointsHeld);
    }

    [Fact]
    public async Task Cadence_RenewalInsideTheQuarter_TasksAndAlertsAt30And7DaysAndOnTheDate_ThenRollsTheYear()
    {
        await using CsHarness cs = await CsHarness.StartAsync();
        DateOnly renewal = Activation.AddDays(50); // Monday 2027-01-11
        await cs.Store.SaveScoreAsync(new CsScore(CsHarness.Tenant, "c3", Activation, Fixtures.AtRiskScoreFor(RiskSeverity.Medium), Fixtures.Health(), cs.Host.Now));
        string id = await cs.StartCadenceAsync("c3", renewal: renewal);

        await cs.Host.AdvanceTimeAsync(TimeSpan.FromDays(51));
        await cs.EnsureNotFailedAsync(id);

        // −30 days is Saturday 2026-12-12: moved to Sunday.
        (HumanTask r30, DateTimeOffset r30At) = Assert.Single(cs.CreatedTasks.Values, t => t.Task.Kind == "renewal_30_day");
        Assert.Equal(new DateTimeOffset(2026, 12, 13, 5, 30, 0, TimeSpan.Zero), r30At);
        (HumanTask r7, DateTimeOffset r7At) = Assert.Single(cs.CreatedTasks.Values, t => t.Task.Kind == "renewal_7_day");
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 5, 30, 0, TimeSpan.Zero), r7At);
        (HumanTask decision, DateTimeOffset decisionAt) = Assert.Single(cs.CreatedTasks.Values, t => t.Task.Kind == "renewal_decision");
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 5, 30, 0, TimeSpan.Zero), decisionAt);
        Assert.Equal("operator", decision.OwnerRole);

        // At medium risk, the −7 reminder comes with a founder call.
        HumanTask founderCall = cs.CreatedTasks[$"{r7.TaskId}:founder_call"].Task;
        Assert.Equal(("founder_call", "founder"), (founderCall.Kind, founderCall.OwnerRole));
        Assert.All(new[] { r30, r7, decision }, t => Assert.Equal(("warning", t.Kind), (cs.SentAlerts[t.TaskId].Severity, cs.SentAlerts[t.TaskId].Kind)));

        // Without health inputs the handoff cannot call delivery a success: a warning, and the ledger says so.
        Assert.Equal("warning", Assert.Single(cs.SentAlerts.Values, a => a.Kind == "cs_handoff_blocked").Severity);
        Assert.Contains(cs.Ledger.Ledger, e => e.Action == "cs_handoff" && e.Outcome == "delivery_not_successful");

        // Past the renewal month the cadence carries on with next year's renewal date.
        await cs.Host.AdvanceTimeAsync(TimeSpan.FromDays(10));
        Assert.Equal(renewal.AddYears(1), (await cs.EnsureNotFailedAsync(id)).ReadCustomStatusAs<CadenceStatus>()!.RenewalDate);
        Assert.Single(cs.CreatedTasks.Values, t => t.Task.Kind == "renewal_decision");
    }

    [Fact]
    public async Task Cadence_UnknownBundle_EndsWithoutTouchpoints()
    {
        await using CsHarness cs = await CsHarness.StartAsync();
        string id = await cs.StartCadenceAsync("c4", bundle: "no_such_bundle");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await cs.Host.GetInstanceAsync(id)).RuntimeStatus);
        Assert.Empty(cs.CreatedTasks);
    }

    private static class Fixtures
    {
        public static AtRiskAlert AtRiskScoreFor(RiskSeverity severity) => new(55, severity, [new CsTask("cs_follow_up", "medium", 3, false)]);

        public static HealthScoreResult Health() => new(50, "amber", new Dictionary<string, int>(), []);
    }
}
