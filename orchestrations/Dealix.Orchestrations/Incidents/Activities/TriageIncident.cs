using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Incidents.Activities;

/// <summary>Triage of §13.1 (<see cref="IncidentPlaybook.Triage"/>) as an activity: its rules load the P0 safety patterns.</summary>
[DurableTask(Name)]
public sealed class TriageIncident : TaskActivity<IncidentTriageInput, IncidentTriage>
{
    public const string Name = "TriageIncident";

    public override Task<IncidentTriage> RunAsync(TaskActivityContext context, IncidentTriageInput input) =>
        Task.FromResult(IncidentPlaybook.Triage(input));
}
