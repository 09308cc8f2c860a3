namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>
/// Input of <c>FreezeTenant</c>: engage or release one incident's freeze (§13.2 step 1, §17.8). <c>Global</c> (SEV1):
/// the freeze covers every tenant's sends and charges, not only the incident's tenant. A release lifts the incident's
/// freeze whatever its scope.
/// </summary>
// WARNING: persisted in history; Global was added later (absent in old histories: false).
public sealed record FreezeTenantInput(string Tenant, string IncidentId, bool Frozen, string Actor, string CorrelationId, bool Global = false);
