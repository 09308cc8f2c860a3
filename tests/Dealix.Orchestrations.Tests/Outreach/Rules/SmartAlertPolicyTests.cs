using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;

namespace Dealix.Orchestrations.Tests.Outreach.Rules;

public sealed class SmartAlertPolicyTests
{
    private static readonly DateTime Seen = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, AlertCandidate, string> Unresolved => new()
    {
        { "21% above baseline", new AlertCandidate("replies", Seen) { Value = 121, Baseline = 100 }, "change_over_20_percent" },
        { "25% below baseline", new AlertCandidate("replies", Seen) { Value = 75, Baseline = 100 }, "change_over_20_percent" },
        { "1,000.01 SAR", new AlertCandidate("payment", Seen) { AmountSar = 1000.01m }, "financial_over_1000_sar" },
        { "critical finding", new AlertCandidate("token leak", Seen) { Security = SecuritySeverity.Critical }, "critical_security_finding" },
        { "enterprise customer", new AlertCandidate("connector", Seen) { AffectsEnterpriseCustomer = true }, "enterprise_customer_affected" },
    };

    [Theory]
    [MemberData(nameof(Unresolved))]
    public void Evaluate_TriggerStillPresentAfterFiveMinutes_Alerts(string why, AlertCandidate candidate, string trigger)
    {
        AlertDecision decision = SmartAlertPolicy.Evaluate(candidate, Seen.AddMinutes(5));

        Assert.True(decision.Kind == AlertDecisionKind.Alert, why);
        Assert.Contains(trigger, decision.Reasons);
    }

    [Theory]
    [InlineData(120, 100)] // exactly 20 % is noise
    [InlineData(85, 100)]
    [InlineData(0, 0)]
    public void Evaluate_ChangeWithinTwentyPercent_IsNoise(double value, double baseline) =>
        Assert.Equal(AlertDecisionKind.Drop, SmartAlertPolicy.Evaluate(new AlertCandidate("m", Seen) { Value = value, Baseline = baseline }, Seen.AddHours(1)).Kind);

    [Fact]
    public void Evaluate_ExactlyOneThousandSar_IsNotAnAlert() =>
        Assert.Equal(AlertDecisionKind.Drop, SmartAlertPolicy.Evaluate(new AlertCandidate("refund", Seen) { AmountSar = 1000m }, Seen.AddHours(1)).Kind);

    [Fact]
    public void Evaluate_WithinTransientWindow_HoldsUntilFiveMinutesAfterFirstSeen()
    {
        var candidate = new AlertCandidate("connector", Seen) { AffectsEnterpriseCustomer = true };

        AlertDecision decision = SmartAlertPolicy.Evaluate(candidate, Seen.AddMinutes(2));

        Assert.Equal(AlertDecisionKind.Hold, decision.Kind);
        Assert.Equal(Seen.AddMinutes(5), decision.HoldUntil);
    }

    [Fact]
    public void Evaluate_ResolvedWithinFiveMinutes_IsDroppedButLaterResolutionStillAlerts()
    {
        var candidate = new AlertCandidate("provider outage", Seen) { AffectsEnterpriseCustomer = true };

        Assert.Equal(AlertDecisionKind.Drop, SmartAlertPolicy.Evaluate(candidate with { ResolvedAt = Seen.AddMinutes(4) }, Seen.AddMinutes(6)).Kind);
        Assert.Equal(AlertDecisionKind.Alert, SmartAlertPolicy.Evaluate(candidate with { ResolvedAt = Seen.AddMinutes(7) }, Seen.AddMinutes(8)).Kind);
    }

    [Fact]
    public void Evaluate_NiceToKnow_NeverAlertsEvenWithATrigger() =>
        Assert.Equal(AlertDecisionKind.Drop, SmartAlertPolicy.Evaluate(
            new AlertCandidate("tip", Seen) { NiceToKnow = true, AmountSar = 5000m }, Seen.AddHours(1)).Kind);

    [Fact]
    public void Baseline_IsTheMedianOfTheSameWeekdayAndHourOverTwentyEightDays()
    {
        DateTime at = Seen; // a Monday, 09:00
        var samples = new List<(DateTime, double)>
        {
            (at.AddDays(-7), 10), (at.AddDays(-14), 30), (at.AddDays(-21), 20), (at.AddDays(-28), 40),
            (at.AddDays(-35), 1000),            // older than 28 days
            (at.AddDays(-7).AddHours(1), 500),  // another hour
            (at.AddDays(-6), 700),              // another weekday
            (at, 999),                          // not before the instant
        };

        Assert.Equal(25, SmartAlertPolicy.Baseline(samples, at));
        Assert.Null(SmartAlertPolicy.Baseline([], at));
    }
}
