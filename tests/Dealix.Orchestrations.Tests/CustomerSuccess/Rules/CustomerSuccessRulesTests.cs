using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Rules;

namespace Dealix.Orchestrations.Tests.CustomerSuccess.Rules;

public class CustomerSuccessRulesTests
{
    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(14, 20, 30, 100)]
    [InlineData(100, 500, 999, 100)]
    [InlineData(-5, -1, -3, 0)]
    [InlineData(7, 10, 15, 50)]
    [InlineData(3, 0, 0, 9)]
    public void Score_Inputs_FollowFormulaAndClamp(int inactive, int pending, int proofAge, int expected) =>
        Assert.Equal(expected, AtRiskScore.Score(inactive, pending, proofAge));

    [Theory]
    [InlineData(14, 20, 30, RiskSeverity.High, "personal_outreach")]
    [InlineData(3, 10, 20, RiskSeverity.Medium, "cs_follow_up")]
    [InlineData(0, 2, 5, RiskSeverity.Low, null)]
    [InlineData(7, 0, 0, RiskSeverity.Medium, "personal_outreach")]
    public void Evaluate_Inputs_GiveSeverityAndTask(int inactive, int pending, int proofAge, RiskSeverity severity, string? task)
    {
        AtRiskAlert alert = AtRiskScore.Evaluate(inactive, pending, proofAge);

        Assert.Equal(severity, alert.Severity);
        Assert.Equal(task, alert.Tasks.Count == 0 ? null : alert.Tasks[0].Action);
    }

    [Fact]
    public void Evaluate_LowUsageSevenDays_AlwaysHighPriorityOutreach() =>
        Assert.Equal("high", AtRiskScore.Evaluate(7, 0, 0).Tasks.Single().Priority);

    [Theory]
    [InlineData("growth_starter", 5)]
    [InlineData("data_to_revenue", 6)]
    [InlineData("executive_growth_os", 11)]
    [InlineData("full_growth_control_tower", 10)]
    [InlineData("partnership_growth", 6)]
    public void Build_Bundle_HasPlanItemsPlusQbr(string bundle, int planItems) =>
        Assert.Equal(planItems + 1, SuccessPlans.Build(bundle, new DateOnly(2026, 3, 1)).Count);

    [Fact]
    public void Build_ExecutiveGrowthOs_IncludesFounderShadowBoardTwice() =>
        Assert.Equal(2, SuccessPlans.Build("executive_growth_os", new DateOnly(2026, 3, 1)).Count(e => e.Item == "founder_shadow_board"));

    [Theory]
    [InlineData("")]
    [InlineData("unknown_bundle")]
    [InlineData("باقة")]
    public void Build_UnknownBundle_IsEmpty(string bundle) => Assert.Empty(SuccessPlans.Build(bundle, new DateOnly(2026, 3, 1)));

    [Fact]
    public void Build_EveryDate_FallsOnSundayToThursday()
    {
        foreach (string bundle in SuccessPlans.Bundles)
        {
            Assert.All(SuccessPlans.Build(bundle, new DateOnly(2026, 3, 5), renewal: new DateOnly(2027, 3, 5)),
                e => Assert.True(e.Date.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday), $"{e.Item} on {e.Date}"));
        }
    }

    [Theory]
    [InlineData(2026, 3, 6, 2026, 3, 8)]  // Friday → Sunday
    [InlineData(2026, 3, 7, 2026, 3, 8)]  // Saturday → Sunday
    [InlineData(2026, 3, 8, 2026, 3, 8)]  // Sunday stays
    [InlineData(2026, 3, 12, 2026, 3, 12)] // Thursday stays
    public void ToWorkday_Weekend_MovesToSunday(int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(new DateOnly(ey, em, ed), SuccessPlans.ToWorkday(new DateOnly(y, m, d)));

    [Fact]
    public void Build_WithRenewal_AddsThirtyAndSevenDayCadences()
    {
        var plan = SuccessPlans.Build("growth_starter", new DateOnly(2026, 3, 1), renewal: new DateOnly(2027, 3, 1));

        Assert.Contains(plan, e => e.Item == "renewal_30_day" && e.Date == SuccessPlans.ToWorkday(new DateOnly(2027, 1, 30)));
        Assert.Contains(plan, e => e.Item == "renewal_7_day" && e.Date == SuccessPlans.ToWorkday(new DateOnly(2027, 2, 22)));
    }
}
