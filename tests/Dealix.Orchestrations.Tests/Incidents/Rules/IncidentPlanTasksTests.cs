using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;

namespace Dealix.Orchestrations.Tests.Incidents.Rules;

public class IncidentPlanTasksTests
{
    private static readonly DateTime Detected = new(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc); // Sunday 09:00 AST

    [Theory]
    [InlineData(true, false, 0, 11, true)]
    [InlineData(false, false, 7, 10, true)]
    [InlineData(false, false, 2, 7, false)]
    public void For_Severity_GivesCanonicalStepsSeverityStepsAndUnfreezeWhenFrozen(bool leak, bool unauthorized, int affected, int expected, bool unfreeze)
    {
        IncidentTriage triage = IncidentPlaybook.Triage(new IncidentTriageInput(leak, unauthorized, affected, "dashboard slow"));
        bool frozen = IncidentPlanTasks.FreezesOnTriage(triage);
        IReadOnlyList<IncidentPlanTask> tasks = IncidentPlanTasks.For(IncidentPlaybook.Plan(triage, Detected), triage, frozen, Detected);

        Assert.Equal(expected, tasks.Count);
        Assert.Equal(["freeze_live_actions", "notify_founder", "create_incident_channel", "review_action_ledger", "pdpl_72h_notification"], tasks.Take(5).Select(t => t.Key));
        Assert.Equal(unfreeze, frozen);
        Assert.Equal(unfreeze ? 1 : 0, tasks.Count(t => t.Unfreeze && t.OwnerRole == "founder" && t.Key == IncidentPlanTasks.UnfreezeKey));
        Assert.Equal(tasks.Count, tasks.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void For_Sev1_OwnersAndDueTimesFollowTheCommanderAndTheStepText()
    {
        IncidentTriage triage = IncidentPlaybook.Triage(new IncidentTriageInput(true, false, 1, null, PersonalDataExposed: true));
        Dictionary<string, IncidentPlanTask> tasks = IncidentPlanTasks.For(IncidentPlaybook.Plan(triage, Detected), triage, true, Detected).ToDictionary(t => t.Key);

        Assert.Equal(("founder", Detected.AddMinutes(15)), (tasks["sev1_1"].OwnerRole, tasks["sev1_1"].DueAt)); // the founder is commander
        Assert.Equal("engineer", tasks["sev1_2"].OwnerRole); // credentials
        Assert.Equal(("operator", Detected.AddHours(1)), (tasks["sev1_4"].OwnerRole, tasks["sev1_4"].DueAt)); // customers within 1 h
        Assert.Equal(("founder", new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc)), (tasks["sev1_6"].OwnerRole, tasks["sev1_6"].DueAt)); // 5 business days
        Assert.Equal(("founder", Detected.AddHours(72)), (tasks["pdpl_72h_notification"].OwnerRole, tasks["pdpl_72h_notification"].DueAt));
        Assert.DoesNotContain("sev1_5", tasks.Keys); // "Unfreezing needs the founder." is the unfreeze decision itself
    }

    [Theory]
    [InlineData(IncidentSeverity.SEV1, false, 30)]
    [InlineData(IncidentSeverity.SEV1, true, 240)]
    [InlineData(IncidentSeverity.SEV2, false, 120)]
    [InlineData(IncidentSeverity.SEV2, true, 120)]
    public void NextUpdateAt_FollowsTheCadence(IncidentSeverity severity, bool contained, int minutes) =>
        Assert.Equal(Detected.AddMinutes(minutes), IncidentCommunication.NextUpdateAt(severity, contained, Detected));

    [Fact]
    public void NextUpdateAt_Sev3_IsTheNextBusinessDay() =>
        Assert.Equal(new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc), IncidentCommunication.NextUpdateAt(IncidentSeverity.SEV3, false, new DateTime(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void Text_UpdateWithoutNote_FillsEveryPlaceholder()
    {
        string text = IncidentCommunication.Text(IncidentCommunication.Update, IncidentSeverity.SEV2, null, contained: false, note: null);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.Contains("ساعتين", text, StringComparison.Ordinal);
    }
}
