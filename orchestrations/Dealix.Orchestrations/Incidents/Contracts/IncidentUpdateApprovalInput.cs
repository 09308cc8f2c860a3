namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>Input of <see cref="IncidentUpdateApprovalOrchestrator"/>: which customer-update draft, for which incident.</summary>
// WARNING: persisted in history.
public sealed record IncidentUpdateApprovalInput(string Tenant, string DraftId, string IncidentInstanceId, string IncidentId, string CorrelationId);
