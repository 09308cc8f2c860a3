using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Rules;

namespace Dealix.Orchestrations.Tests.CustomerSuccess.Rules;

public class CadenceRulesTests
{
    private static readonly DateTimeOffset SundayMorning = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private static HealthInputs Perfect => new(7, 0, 2, 3, 3, 4, 4, false, 0, 0, 0, 0, false, true);

    [Fact]
    public void HealthScore_AllComponentsAtBest_Is100GreenWithoutFlags()
    {
        HealthScoreResult result = HealthScore.Evaluate(Perfect);
        Assert.Equal((100, "green"), (result.Score, result.Band));
        Assert.Empty(result.RedFlags);
    }

    [Theory]
    [InlineData(0, 0, 100)]
    [InlineData(0, 1, 50)]
    [InlineData(1, 0, 50)]
    [InlineData(0, 2, 25)]
    [InlineData(0, 3, 0)]
    public void HealthScore_SupportLoad_OneP1OrOneBreachIs50(int openP1, int breaches, int expected) =>
        Assert.Equal(expected,
            HealthScore.Evaluate(Perfect with { OpenP1Tickets = openP1, SlaBreachesLast30Days = breaches }).Components["support_load"]);

    [Fact]
    public void HealthScore_MidwayValues_InterpolateAndRedFlagsForceReview()
    {
        // usage 3/5 = 60, approval (48-26)/44 = 50, backlog (25-15)/20 = 50, proof (35-21)/28 = 50, connectors 1/2 = 50, support 100.
        var inputs = new HealthInputs(3, 8, 26, 15, 21, 2, 1, true, 0, 0, 0, 0, false, false);
        HealthScoreResult result = HealthScore.Evaluate(inputs);
        Assert.Equal(60, result.Components["usage"]);
        Assert.Equal(59, result.Score); // 21 + 7.5 + 7.5 + 7.5 + 5 + 10 = 58.5 → 59
        Assert.Equal("amber", result.Band);
        Assert.Equal(["days_inactive_7_plus", "blocking_connector_failed"], result.RedFlags);
        Assert.True(result.ReviewRequired);
    }

    [Fact]
    public void WeeklyCheckIn_Is25MinutesWithTheDraftCountFilledIn()
    {
        CheckInAgenda agenda = WeeklyCheckIn.Build(7);
        Assert.Equal(25, agenda.TotalMinutes);
        Assert.Equal([5, 8, 5, 5, 2], agenda.Agenda.Select(a => a.Minutes));
        Assert.Equal(4, agenda.TalkingPoints.Count);
        Assert.Equal("عندكم 7 مسودة تنتظر اعتمادكم — نراجعها سوا؟", agenda.TalkingPoints[1]);
    }

    [Fact]
    public void CadencePlanner_ThirdMonth_HoldsTheQbrMovedOffTheWeekendAndDueAt0830Ast()
    {
        var input = new CustomerSuccessCadenceInput("acme", "c1", "growth_starter", SundayMorning) { Month = 2 };
        IReadOnlyList<CadenceTouchpoint> month = CadencePlanner.ForMonth(input);
        Assert.Equal(["weekly_check_in", "weekly_check_in", "weekly_check_in", "weekly_check_in", "monthly_proof_review", "qbr"], month.Select(t => t.Item));
        CadenceTouchpoint qbr = month[^1];
        Assert.Equal((90, new DateOnly(2027, 2, 21), "20270221:qbr"), (qbr.Day, qbr.Date, qbr.Key)); // day 90 is a Saturday
        Assert.Equal(new DateTimeOffset(2027, 2, 21, 5, 30, 0, TimeSpan.Zero), qbr.DueAt);
    }

    [Fact]
    public void CadencePlanner_RenewalPoints_FallInTheMonthOfTheirDay()
    {
        var input = new CustomerSuccessCadenceInput("acme", "c1", "growth_starter", SundayMorning) { RenewalDate = new DateOnly(2027, 1, 11) };
        Assert.Equal(["renewal_30_day"], CadencePlanner.ForMonth(input).Where(t => t.Item.StartsWith("renewal", StringComparison.Ordinal)).Select(t => t.Item));
        Assert.Equal(["renewal_7_day", "renewal_decision"],
            CadencePlanner.ForMonth(input with { Month = 1 }).Where(t => t.Item.StartsWith("renewal", StringComparison.Ordinal)).Select(t => t.Item));
        Assert.Equal(new DateOnly(2027, 11, 22), CadencePlanner.RenewalOf(input with { RenewalDate = null }));
    }

    [Fact]
    public void CadencePlanner_TestDayLength_ScalesDueTimesFromTheStart()
    {
        var input = new CustomerSuccessCadenceInput("acme", "c1", "growth_starter", SundayMorning) { DayLength = TimeSpan.FromSeconds(1) };
        Assert.Equal(SundayMorning.AddSeconds(7), CadencePlanner.ForMonth(input)[0].DueAt);
        Assert.Equal(SundayMorning.AddSeconds(30), CadencePlanner.MonthStart(input, 1));
    }
}
