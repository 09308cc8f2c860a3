using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;

namespace Dealix.Orchestrations.Tests.Incidents.Rules;

public class IncidentPlaybookTests
{
    private static readonly DateTime Detected = new(2026, 3, 1, 22, 15, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(true, false, 0, IncidentSeverity.SEV1)]
    [InlineData(false, true, 1, IncidentSeverity.SEV1)]
    [InlineData(true, true, 200, IncidentSeverity.SEV1)]
    [InlineData(false, false, 5, IncidentSeverity.SEV2)]
    [InlineData(false, false, 50, IncidentSeverity.SEV2)]
    [InlineData(false, false, 4, IncidentSeverity.SEV3)]
    [InlineData(false, false, 1, IncidentSeverity.SEV3)]
    [InlineData(false, false, 0, IncidentSeverity.SEV3)]
    public void Triage_Flags_GiveSeverity(bool leak, bool unauthorized, int affected, IncidentSeverity expected) =>
        Assert.Equal(expected, IncidentPlaybook.Triage(new IncidentTriageInput(leak, unauthorized, affected, "dashboard slow")).Severity);

    [Theory]
    [InlineData("بيانات العملاء ظاهرة للكل في رابط عام")]
    [InlineData("messages went out to 300 contacts without approval")]
    [InlineData("someone logged into the admin account from an unknown IP")]
    [InlineData("تسريب أرقام جوالات")]
    public void Triage_DescriptionReadsAsLeakOrUnauthorised_IsPromotedToSev1(string description)
    {
        IncidentTriage triage = IncidentPlaybook.Triage(new IncidentTriageInput(false, false, 1, description));

        Assert.Equal(IncidentSeverity.SEV1, triage.Severity);
        Assert.True(triage.PdplNotificationRequired);
        Assert.Contains(triage.Reasons, r => r.StartsWith("promoted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the weekly report is late 🙁")]
    public void Triage_HarmlessOrEmptyDescription_IsNotPromoted(string? description) =>
        Assert.Equal(IncidentSeverity.SEV3, IncidentPlaybook.Triage(new IncidentTriageInput(false, false, 2, description)).Severity);

    [Theory]
    [InlineData(IncidentSeverity.SEV1, 15)]
    [InlineData(IncidentSeverity.SEV2, 60)]
    [InlineData(IncidentSeverity.SEV3, 240)]
    public void Triage_Severity_HasFirstActionMinutes(IncidentSeverity severity, int minutes)
    {
        var input = severity switch
        {
            IncidentSeverity.SEV1 => new IncidentTriageInput(true, false, 1, null),
            IncidentSeverity.SEV2 => new IncidentTriageInput(false, false, 9, null),
            _ => new IncidentTriageInput(false, false, 1, null),
        };

        Assert.Equal(minutes, IncidentPlaybook.Triage(input).FirstActionMinutes);
    }

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, true, true)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, false, false)]
    public void Triage_Pdpl_RequiredForLeakOrExposedPersonalData(bool leak, bool unauthorized, bool personal, bool expected) =>
        Assert.Equal(expected, IncidentPlaybook.Triage(new IncidentTriageInput(leak, unauthorized, 1, null, personal)).PdplNotificationRequired);

    [Theory]
    [InlineData(IncidentSeverity.SEV1)]
    [InlineData(IncidentSeverity.SEV2)]
    [InlineData(IncidentSeverity.SEV3)]
    public void Plan_EverySeverity_HasFiveCanonicalStepsEndingWithPdpl(IncidentSeverity severity)
    {
        var triage = new IncidentTriage(severity, 15, "x", [], [], PdplNotificationRequired: severity == IncidentSeverity.SEV1);

        IncidentResponsePlan plan = IncidentPlaybook.Plan(triage, Detected);

        Assert.Equal(5, plan.CanonicalSteps.Count);
        Assert.Equal("pdpl_72h_notification", plan.CanonicalSteps[^1].Step);
        Assert.All(plan.CanonicalSteps, s => Assert.False(string.IsNullOrWhiteSpace(s.Scope)));
        Assert.NotEmpty(plan.SeveritySteps);
        Assert.Equal(10, plan.PostMortemSections.Count);
    }

    [Fact]
    public void Deadline_FromDetection_IsSeventyTwoHoursWithThreeReminders()
    {
        PdplDeadline deadline = IncidentPlaybook.Deadline(Detected, notificationRequired: true);

        Assert.Equal(Detected.AddHours(72), deadline.DueAt);
        Assert.Equal([Detected.AddHours(24), Detected.AddHours(48), Detected.AddHours(60)], deadline.Reminders);
        Assert.False(IncidentPlaybook.IsPdplOverdue(deadline, Detected.AddHours(71), markedSentOrNotRequired: false));
        Assert.True(IncidentPlaybook.IsPdplOverdue(deadline, Detected.AddHours(73), markedSentOrNotRequired: false));
        Assert.False(IncidentPlaybook.IsPdplOverdue(deadline, Detected.AddHours(73), markedSentOrNotRequired: true));
    }

    [Fact]
    public void ChannelName_FromDetectionAndId_FollowsConvention() =>
        Assert.Equal("inc-20260301-ab12cd", IncidentPlaybook.ChannelName(Detected, "AB-12-CD-99"));

    [Fact]
    public void CustomerMessage_Initial_FillsScopeAndCadenceInArabic()
    {
        string text = IncidentPlaybook.CustomerMessage("initial", IncidentSeverity.SEV1, new Dictionary<string, string> { ["scope"] = "رسائل الواتساب" });

        Assert.Contains("رسائل الواتساب", text, StringComparison.Ordinal);
        Assert.Contains("30 دقيقة", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }
}
