using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Incidents.Activities;

/// <summary>Writes the incident's state (and its post-mortem draft once resolved) to the incident store.</summary>
[DurableTask(Name)]
public sealed class SaveIncident(IIncidentStore store) : TaskActivity<SaveIncidentInput, bool>
{
    public const string Name = "SaveIncident";

    public override async Task<bool> RunAsync(TaskActivityContext context, SaveIncidentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await store.SaveAsync(input.State, input.PostMortem);
        return true;
    }
}
