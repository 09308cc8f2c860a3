using Dealix.Functions.Durable;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents;
using Dealix.Orchestrations.Incidents.Activities;
using Dealix.Orchestrations.Incidents.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Incidents;

/// <summary>
/// The incident area's orchestrators and activities as functions (for the Functions host's metadata and for our host);
/// each hands over to its class in <c>orchestrations/Incidents</c> under that class's stored name.
/// </summary>
public static class IncidentOrchestrationFunctions
{
    /// <summary>Runs <see cref="IncidentResponseOrchestrator"/>: one instance per incident.</summary>
    [Function(IncidentResponseOrchestrator.Name)]
    public static Task<IncidentState> IncidentResponse([OrchestrationTrigger] TaskOrchestrationContext context, IncidentOpenRequest input) =>
        new IncidentResponseOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="IncidentUpdateApprovalOrchestrator"/>: the approval of one customer-update draft.</summary>
    [Function(IncidentUpdateApprovalOrchestrator.Name)]
    public static Task<DraftDecision> IncidentUpdateApproval([OrchestrationTrigger] TaskOrchestrationContext context, IncidentUpdateApprovalInput input) =>
        new IncidentUpdateApprovalOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="TriageIncident"/> activity.</summary>
    [Function(TriageIncident.Name)]
    public static Task<IncidentTriage> TriageIncidentAsync([ActivityTrigger] IncidentTriageInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<TriageIncident, IncidentTriageInput, IncidentTriage>(function, instanceId, input);

    /// <summary>Runs the <see cref="FreezeTenant"/> activity.</summary>
    [Function(FreezeTenant.Name)]
    public static Task<bool> FreezeTenantAsync([ActivityTrigger] FreezeTenantInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<FreezeTenant, FreezeTenantInput, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="SaveIncident"/> activity.</summary>
    [Function(SaveIncident.Name)]
    public static Task<bool> SaveIncidentAsync([ActivityTrigger] SaveIncidentInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SaveIncident, SaveIncidentInput, bool>(function, instanceId, input);
}
