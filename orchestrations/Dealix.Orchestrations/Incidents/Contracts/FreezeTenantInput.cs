namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>Input of <c>FreezeTenant</c>: engage or release one incident's freeze of its tenant (§13.2 step 1, §17.8).</summary>
// WARNING: persisted in history.
public sealed record FreezeTenantInput(string Tenant, string IncidentId, bool Frozen, string Actor, string CorrelationId);
