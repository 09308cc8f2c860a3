using Dealix.Orchestrations.Onboarding.Rules;

namespace Dealix.Orchestrations.Tests.Onboarding;

/// <summary>Customer inputs of the steps (what update-step accepts) and the plan's timing.</summary>
public sealed class StepInputsTests
{
    [Theory]
    [InlineData("select_goal", "goal=pipeline", null)]
    [InlineData("select_goal", "", "select_goal needs values.goal.")]
    [InlineData("select_bundle", "bundle=growth_starter", null)]
    [InlineData("select_bundle", "bundle=gold", "values.bundle must be one of")]
    [InlineData("select_bundle", "bundle=growth_starter;price=free", "values.price must be standard or non_standard.")]
    [InlineData("company_intake", "company_name=Acme;sector=retail", "company_intake needs")]
    [InlineData("upload_or_source", "source=csv;rows=0", "a csv source needs values.rows")]
    [InlineData("upload_or_source", "source=crm;crm=hubspot", null)]
    [InlineData("upload_or_source", "source=ftp", "values.source must be csv, crm or none.")]
    [InlineData("first_proof_pack", "approved=false", "first_proof_pack takes")]
    [InlineData("risk_review", "", "step_takes_no_input")]
    [InlineData("launch", "", "unknown_step")]
    public void Validate_AcceptsOnlyTheStepsInputs(string step, string values, string? error)
    {
        var map = values.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=')).ToDictionary(p => p[0], p => p[1]);
        string? actual = StepInputs.Validate(step, map);
        if (error is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.StartsWith(error, actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plan_DaysAreBusinessDaysInRiyadh_AndAWeekendStartCountsFromSunday()
    {
        var sunday = new DateTime(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc); // 09:00 AST
        Assert.Equal(new DateTime(2026, 11, 22, 21, 0, 0, DateTimeKind.Utc), OnboardingPlan.DayEnd(sunday, 1));
        Assert.Equal(new DateTime(2026, 11, 26, 21, 0, 0, DateTimeKind.Utc), OnboardingPlan.Deadline(sunday));
        var thursday = new DateTime(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 12, 2, 21, 0, 0, DateTimeKind.Utc), OnboardingPlan.Deadline(thursday)); // Thu, Sun, Mon, Tue, Wed
        var friday = new DateTime(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 29, 21, 0, 0, DateTimeKind.Utc), OnboardingPlan.DayEnd(friday, 1));

        (DateTime warning, DateTime due) = OnboardingPlan.Approval(thursday);
        Assert.Equal(new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc), due); // next business day: Sunday
        Assert.Equal(thursday + ((due - thursday) * 0.75), warning);
        Assert.Equal((new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 6, 0, 0, DateTimeKind.Utc)), OnboardingPlan.CustomerWait(thursday));
    }
}
