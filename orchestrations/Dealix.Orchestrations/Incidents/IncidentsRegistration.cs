using Dealix.Orchestrations.Incidents.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Incidents;

/// <summary>Registers the incident area's orchestrators and activities with a worker.</summary>
public static class IncidentsRegistration
{
    /// <summary>
    /// Adds <see cref="IncidentResponseOrchestrator"/>, <see cref="IncidentUpdateApprovalOrchestrator"/> and their own
    /// activities. They also call the deal area's <c>CreateReplyDraft</c>/<c>CloseDraft</c>, the human-task activities and
    /// <c>SendOperatorAlert</c>, registered by those areas; the ports (<c>Incidents/Ports</c>) must be services.
    /// </summary>
    public static DurableTaskRegistry AddIncidents(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<IncidentResponseOrchestrator>()
            .AddOrchestrator<IncidentUpdateApprovalOrchestrator>()
            .AddActivity<TriageIncident>()
            .AddActivity<FreezeTenant>()
            .AddActivity<SaveIncident>();
    }
}
