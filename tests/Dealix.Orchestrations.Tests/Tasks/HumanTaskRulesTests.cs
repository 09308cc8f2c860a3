using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Rules;

namespace Dealix.Orchestrations.Tests.Tasks;

public sealed class HumanTaskRulesTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    internal static HumanTaskRequest Request(string ownerRole = "operator", TimeSpan? sla = null) => new(
        "deal:acme:c1:meeting", "acme", "deal", "hold_meeting", "Hold the meeting", ownerRole, "deal:acme:c1", Now + (sla ?? TimeSpan.FromHours(8)),
        "c1", new Dictionary<string, string> { ["stage"] = "meeting_booked" });

    internal static HumanTask Open(string ownerRole = "operator", TimeSpan? sla = null) => HumanTask.From(Request(ownerRole, sla), Now);

    [Fact]
    public void Validate_AGoodRequest_Passes()
    {
        Assert.Null(HumanTaskRules.Validate(Request()));
    }

    [Theory]
    [InlineData("taskId")]
    [InlineData("tenant")]
    [InlineData("area")]
    [InlineData("kind")]
    [InlineData("title")]
    [InlineData("ownerRole")]
    [InlineData("instanceId")]
    [InlineData("dueAt")]
    [InlineData("details")]
    public void Validate_EachBadField_IsNamed(string field)
    {
        HumanTaskRequest good = Request();
        HumanTaskRequest bad = field switch
        {
            "taskId" => good with { TaskId = "a/b" },
            "tenant" => good with { Tenant = "acme corp" },
            "area" => good with { Area = "sales" },
            "kind" => good with { Kind = "Hold Meeting" },
            "title" => good with { Title = " " },
            "ownerRole" => good with { OwnerRole = "ceo" },
            "instanceId" => good with { InstanceId = string.Empty },
            "dueAt" => good with { DueAt = default },
            _ => good with { Details = new Dictionary<string, string> { [string.Empty] = "x" } },
        };

        Assert.StartsWith(field, HumanTaskRules.Validate(bad));
    }

    [Fact]
    public void Claim_OpenTask_IsTakenOnce_AndRefusedToAnother()
    {
        HumanTaskDecision first = HumanTaskRules.Claim(Open(), "op-1", Now);
        HumanTaskDecision repeat = HumanTaskRules.Claim(first.Task, "op-1", Now.AddMinutes(1));
        HumanTaskDecision other = HumanTaskRules.Claim(first.Task, "op-2", Now.AddMinutes(1));

        Assert.True(first.Changed);
        Assert.Equal((HumanTaskValues.Claimed, "op-1", Now), (first.Task.Status, first.Task.ClaimedBy, first.Task.ClaimedAt));
        Assert.Equal((false, null), (repeat.Changed, repeat.Conflict));
        Assert.Equal(Now, repeat.Task.ClaimedAt);
        Assert.False(other.Changed);
        Assert.Contains("op-1", other.Conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_ByHolderOrAdmin_ReopensTheTask_ButNotByAnotherOperator()
    {
        HumanTask claimed = HumanTaskRules.Claim(Open(), "op-1", Now).Task;

        Assert.NotNull(HumanTaskRules.Release(claimed, "op-2", admin: false).Conflict);
        Assert.Equal((HumanTaskValues.Open, null), Status(HumanTaskRules.Release(claimed, "op-1", admin: false).Task));
        Assert.Equal((HumanTaskValues.Open, null), Status(HumanTaskRules.Release(claimed, "master", admin: true).Task));
        Assert.False(HumanTaskRules.Release(Open(), "op-1", admin: false).Changed);
    }

    [Fact]
    public void Complete_Unclaimed_ClaimsAndEnds_UndeliveredWithTheResult()
    {
        var result = new Dictionary<string, string> { ["notes"] = "held" };

        HumanTaskDecision done = HumanTaskRules.Complete(Open(), HumanTaskValues.Completed, result, "op-1", admin: false, Now.AddHours(1));

        Assert.True(done.Changed);
        Assert.Equal(HumanTaskValues.Completed, done.Task.Status);
        Assert.Equal("op-1", done.Task.ClaimedBy);
        Assert.False(done.Task.IsOpen);
        Assert.False(done.Task.Delivered);
        Assert.Equal(new HumanTaskOutcome("deal:acme:c1:meeting", "completed", "op-1", Now.AddHours(1), result), done.Task.Outcome);
    }

    [Fact]
    public void Complete_Twice_SameOutcomeIsARepeat_AnotherOutcomeAConflict()
    {
        HumanTask done = HumanTaskRules.Complete(Open(), HumanTaskValues.Completed, null, "op-1", admin: false, Now).Task;

        HumanTaskDecision repeat = HumanTaskRules.Complete(done, HumanTaskValues.Completed, null, "op-2", admin: false, Now.AddMinutes(5));
        HumanTaskDecision other = HumanTaskRules.Complete(done, HumanTaskValues.Rejected, null, "op-1", admin: false, Now.AddMinutes(5));

        Assert.Equal((false, null), (repeat.Changed, repeat.Conflict));
        Assert.Same(done, repeat.Task);
        Assert.False(other.Changed);
        Assert.Contains("completed", other.Conflict, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HumanTaskRules.Complete(Open(), HumanTaskValues.Cancelled, null, "op-1", admin: false, Now));
    }

    [Fact]
    public void Complete_ClaimedByAnother_IsRefused_UnlessAdmin()
    {
        HumanTask claimed = HumanTaskRules.Claim(Open(), "op-1", Now).Task;

        Assert.NotNull(HumanTaskRules.Complete(claimed, HumanTaskValues.Rejected, null, "op-2", admin: false, Now).Conflict);
        HumanTaskDecision byAdmin = HumanTaskRules.Complete(claimed, HumanTaskValues.Rejected, null, "master", admin: true, Now);
        Assert.Equal(("rejected", "master", "op-1"), (byAdmin.Task.Status, byAdmin.Task.Outcome!.CompletedBy, byAdmin.Task.ClaimedBy));
    }

    [Fact]
    public void Cancel_OpenTask_EndsItDelivered_ButNeverOverwritesAnOutcome()
    {
        HumanTaskDecision cancelled = HumanTaskRules.Cancel(Open(), Now);
        HumanTask done = HumanTaskRules.Complete(Open(), HumanTaskValues.Completed, null, "op-1", admin: false, Now).Task;

        Assert.Equal((HumanTaskValues.Cancelled, true, "automation"), (cancelled.Task.Status, cancelled.Task.Delivered, cancelled.Task.Outcome!.CompletedBy));
        Assert.False(HumanTaskRules.Cancel(done, Now).Changed);
        Assert.True(HumanTaskRules.MarkDelivered(done).Changed);
        Assert.False(HumanTaskRules.MarkDelivered(HumanTaskRules.MarkDelivered(done).Task).Changed);
    }

    private static (string, string?) Status(HumanTask task) => (task.Status, task.ClaimedBy);
}
