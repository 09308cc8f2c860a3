using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;
using Dealix.Runtime.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Tasks;

/// <summary>
/// A workflow waiting on a human task, on the virtual clock: real activities and sweep, the task store in memory, the
/// operator alerts and kill switch mocked.
/// </summary>
public sealed class HumanTaskOrchestrationTests : IAsyncLifetime
{
    private const string Tenant = "acme";
    private const string InstanceId = "review:acme:customer-1";

    /// <summary>Sunday 2026-11-22 09:00 AST.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private readonly InMemoryHumanTaskStore _store = new();
    private readonly Mock<IOperatorAlerts> _alerts = new();
    private readonly Mock<IKillSwitch> _killSwitch = new();
    private readonly List<OperatorAlert> _sent = [];
    private DurableTaskTestHost _host = null!;
    private int _sweeps;

    private static string TaskId => ReviewStepOrchestrator.TaskId(InstanceId);

    public async Task InitializeAsync()
    {
        _alerts.Setup(a => a.SendAsync(It.IsAny<OperatorAlert>(), It.IsAny<CancellationToken>()))
            .Callback((OperatorAlert alert, CancellationToken _) => { lock (_sent) { _sent.Add(alert); } })
            .ReturnsAsync(true);
        _host = await DurableTaskTestHost.StartAsync(new FakeTimeProvider(Start),
            tasks => tasks.AddHumanTasks().AddOrchestrator<ReviewStepOrchestrator>().AddActivity<CheckKillSwitch>(),
            services => services
                .AddSingleton<IHumanTaskStore>(_store)
                .AddSingleton(_ => _alerts.Object)
                .AddSingleton(_ => _killSwitch.Object));
        await _host.Client.ScheduleNewOrchestrationInstanceAsync(ReviewStepOrchestrator.Name, Tenant, new StartOrchestrationOptions(InstanceId));
        await _host.WaitForIdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Workflow_CreatesTheTask_AndResumesWhenTheOperatorCompletesIt()
    {
        HumanTask task = (await _store.GetAsync(Tenant, TaskId))!;
        Assert.Equal((HumanTaskValues.Open, "operator", InstanceId, Start.AddHours(8)), (task.Status, task.OwnerRole, task.InstanceId, task.DueAt));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await _host.GetInstanceAsync(InstanceId)).RuntimeStatus);

        await _host.AdvanceTimeAsync(TimeSpan.FromHours(2));
        await CompleteAsync(raise: true);

        Assert.Equal("completed by op-1: notes=held", await _host.GetOutputAsync<string>(InstanceId));
        Assert.True((await _store.GetAsync(Tenant, TaskId))!.Delivered);
    }

    [Fact]
    public async Task OutcomeStoredButNotRaised_TheSweepRaisesIt_AndMarksItDelivered()
    {
        await CompleteAsync(raise: false); // the API crashed between storing and raising
        Assert.Equal(0, (await SweepAsync()).Redelivered); // still within the grace minute: the API may be raising it now

        await _host.AdvanceTimeAsync(TimeSpan.FromMinutes(5));
        HumanTaskSweepResult sweep = await SweepAsync();

        Assert.Equal(new HumanTaskSweepResult(false, 1, 0), sweep);
        Assert.Equal("completed by op-1: notes=held", await _host.GetOutputAsync<string>(InstanceId));
        Assert.True((await _store.GetAsync(Tenant, TaskId))!.Delivered);
        Assert.Equal(0, (await SweepAsync()).Redelivered);
    }

    [Fact]
    public async Task OverdueTask_ClimbsTheLadderOneRungPerPeriod_ThenTheWorkflowWithdrawsIt()
    {
        Assert.Equal(0, (await SweepAsync()).Escalated); // not due yet

        await _host.AdvanceTimeAsync(TimeSpan.FromHours(8));
        Assert.Equal(1, (await SweepAsync()).Escalated);
        Assert.Equal(0, (await SweepAsync()).Escalated); // the same rung is never taken twice
        await _host.AdvanceTimeAsync(TimeSpan.FromHours(8));
        Assert.Equal(1, (await SweepAsync()).Escalated);
        await _host.AdvanceTimeAsync(TimeSpan.FromHours(8));
        Assert.Equal(0, (await SweepAsync()).Escalated); // the founder was the top

        Assert.Equal(
            [("team_lead", "warning", $"task-overdue:{TaskId}:L1"), ("founder", "critical", $"task-overdue:{TaskId}:L2")],
            _sent.Select(a => (a.OwnerRole, a.Severity, a.IdempotencyKey)));
        Assert.All(_sent, a => Assert.Equal((Tenant, OperatorAlertKinds.TaskOverdue), (a.Tenant, a.Kind)));
        HumanTask escalated = (await _store.GetAsync(Tenant, TaskId))!;
        Assert.Equal((2, "founder"), (escalated.EscalationLevel, escalated.EscalatedTo));

        await _host.AdvanceTimeAsync(TimeSpan.FromDays(3));
        Assert.Equal("timed_out", await _host.GetOutputAsync<string>(InstanceId));
        Assert.Equal(HumanTaskValues.Cancelled, (await _store.GetAsync(Tenant, TaskId))!.Status);
    }

    [Fact]
    public async Task KillSwitchPaused_TheSweepDoesNothing()
    {
        _killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        await _host.AdvanceTimeAsync(TimeSpan.FromHours(9));

        Assert.Equal(new HumanTaskSweepResult(true, 0, 0), await SweepAsync());
        Assert.Empty(_sent);
        Assert.Equal(0, (await _store.GetAsync(Tenant, TaskId))!.EscalationLevel);
    }

    /// <summary>What the complete route does: store the outcome, then (unless it "crashed") raise it and mark it delivered.</summary>
    private async Task CompleteAsync(bool raise)
    {
        HumanTaskDecision decision = (await _store.UpdateAsync(Tenant, TaskId, t => HumanTaskRules.Complete(
            t, HumanTaskValues.Completed, new Dictionary<string, string> { ["notes"] = "held" }, "op-1", admin: false, _host.Now)))!;
        Assert.True(decision.Changed);
        if (raise)
        {
            await _host.Client.RaiseEventAsync(InstanceId, HumanTaskEvents.Completed(TaskId), decision.Task.Outcome);
            await _store.UpdateAsync(Tenant, TaskId, HumanTaskRules.MarkDelivered);
        }

        await _host.WaitForIdleAsync();
    }

    private async Task<HumanTaskSweepResult> SweepAsync()
    {
        string id = $"sched:human-task-sweep:test-{++_sweeps}";
        await _host.Client.ScheduleNewOrchestrationInstanceAsync(HumanTaskSweepOrchestrator.Name, null, new StartOrchestrationOptions(id));
        return (await _host.GetOutputAsync<HumanTaskSweepResult>(id))!;
    }
}
