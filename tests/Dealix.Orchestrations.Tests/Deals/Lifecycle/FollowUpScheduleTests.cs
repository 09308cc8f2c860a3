using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Tests.Deals.Lifecycle;

public sealed class FollowUpScheduleTests
{
    /// <summary>Wednesday 2026-11-25 10:00 AST.</summary>
    private static readonly DateTime Wednesday = new(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AddBusinessDays_FromWednesday_SkipsTheFridaySaturdayWeekend()
    {
        Assert.Equal(new DateTime(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc), BusinessCalendar.AddBusinessDays(Wednesday, 3)); // Thu, Sun, Mon
    }

    [Fact]
    public void Next_Qualifying_FollowsUpAt3And7BusinessDaysThenTimesOut()
    {
        FollowUpPlan first = FollowUpSchedule.Next(DealStage.Qualifying, Wednesday, 0)!;
        FollowUpPlan second = FollowUpSchedule.Next(DealStage.Qualifying, Wednesday, 1)!;
        FollowUpPlan timeout = FollowUpSchedule.Next(DealStage.Qualifying, Wednesday, 2)!;

        Assert.Equal((BusinessCalendar.AddBusinessDays(Wednesday, 3), "follow_up_due"), (first.DueAt, first.Trigger));
        Assert.Equal((BusinessCalendar.AddBusinessDays(Wednesday, 7), "follow_up_due"), (second.DueAt, second.Trigger));
        Assert.Equal("no_response_timeout", timeout.Trigger);
        Assert.Null(FollowUpSchedule.Next(DealStage.Qualifying, Wednesday, 3));
    }

    [Fact]
    public void Next_Nurturing_TouchesEvery30DaysThenTimesOutAt90()
    {
        Assert.Equal(Wednesday.AddDays(30), FollowUpSchedule.Next(DealStage.Nurturing, Wednesday, 0)!.DueAt);
        Assert.Equal(Wednesday.AddDays(60), FollowUpSchedule.Next(DealStage.Nurturing, Wednesday, 1)!.DueAt);
        Assert.Equal((Wednesday.AddDays(90), "no_response_timeout"), (FollowUpSchedule.Next(DealStage.Nurturing, Wednesday, 2)!.DueAt, FollowUpSchedule.Next(DealStage.Nurturing, Wednesday, 2)!.Trigger));
    }

    [Theory]
    [InlineData(DealStage.NewLead)]
    [InlineData(DealStage.MeetingBooked)]
    [InlineData(DealStage.ClosedWon)]
    [InlineData(DealStage.ClosedLost)]
    [InlineData(DealStage.OptedOut)]
    public void Next_StagesWithoutTimers_PlanNothing(DealStage stage)
    {
        Assert.Null(FollowUpSchedule.Next(stage, Wednesday, 0));
    }

    [Fact]
    public void Postpone_OutOfOffice_MovesTheStepBy3BusinessDays()
    {
        var plan = new FollowUpPlan(Wednesday, "follow_up_due", 0, Wednesday);
        Assert.Equal(BusinessCalendar.AddBusinessDays(Wednesday, 3), FollowUpSchedule.Postpone(plan)!.DueAt);
    }
}
