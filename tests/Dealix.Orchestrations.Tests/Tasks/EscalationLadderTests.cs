using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Rules;
using static Dealix.Orchestrations.Tests.Tasks.HumanTaskRulesTests;

namespace Dealix.Orchestrations.Tests.Tasks;

public sealed class EscalationLadderTests
{
    [Theory]
    [InlineData("customer_approver", "operator,team_lead,founder")]
    [InlineData("operator", "team_lead,founder")]
    [InlineData("csm", "team_lead,founder")]
    [InlineData("engineer", "team_lead,founder")]
    [InlineData("team_lead", "founder")]
    [InlineData("founder", "founder")]
    public void Rungs_AreTheRolesAboveTheOwner(string owner, string rungs)
    {
        Assert.Equal(rungs.Split(','), EscalationLadder.Rungs(owner));
    }

    [Fact]
    public void OperatorTask_ClimbsOneRungPerPeriod_ThenStops()
    {
        HumanTask task = Open("operator", TimeSpan.FromHours(8));
        DateTimeOffset due = task.DueAt;

        Assert.Null(EscalationLadder.Next(task, due.AddSeconds(-1)));
        EscalationStep first = EscalationLadder.Next(task, due)!;
        Assert.Equal(new EscalationStep(1, "team_lead", "warning"), first);
        task = EscalationLadder.Apply(task, first, due).Task;

        Assert.Null(EscalationLadder.Next(task, due.AddHours(8).AddSeconds(-1)));
        EscalationStep second = EscalationLadder.Next(task, due.AddHours(8))!;
        Assert.Equal(new EscalationStep(2, "founder", "critical"), second);
        task = EscalationLadder.Apply(task, second, due.AddHours(8)).Task;

        Assert.Equal((2, "founder"), (task.EscalationLevel, task.EscalatedTo));
        Assert.Null(EscalationLadder.Next(task, due.AddDays(30)));
    }

    [Fact]
    public void SameRung_IsNeverTakenTwice()
    {
        HumanTask task = Open();
        EscalationStep step = EscalationLadder.Next(task, task.DueAt)!;
        HumanTask once = EscalationLadder.Apply(task, step, task.DueAt).Task;

        HumanTaskDecision again = EscalationLadder.Apply(once, step, task.DueAt.AddMinutes(5));

        Assert.False(again.Changed);
        Assert.NotNull(again.Conflict);
        Assert.Equal(1, again.Task.EscalationLevel);
    }

    [Theory]
    [InlineData(2, 15)]
    [InlineData(60, 60)]
    [InlineData(3 * 24 * 60, 24 * 60)]
    public void Period_IsTheTaskSla_KeptBetween15MinutesAndADay(int slaMinutes, int periodMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(periodMinutes), EscalationLadder.Period(Open(sla: TimeSpan.FromMinutes(slaMinutes))));
    }

    [Fact]
    public void ClosedTask_IsNeverEscalated()
    {
        HumanTask done = HumanTaskRules.Complete(Open(), HumanTaskValues.Completed, null, "op-1", admin: false, Now).Task;

        Assert.Null(EscalationLadder.Next(done, done.DueAt.AddDays(2)));
        Assert.False(EscalationLadder.Apply(done, new EscalationStep(1, "team_lead", "warning"), Now).Changed);
    }
}
