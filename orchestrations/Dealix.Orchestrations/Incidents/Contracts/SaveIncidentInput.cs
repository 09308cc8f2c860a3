namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>Input of <c>SaveIncident</c>: the incident as it stands and, once resolved, its post-mortem draft.</summary>
// WARNING: persisted in history.
public sealed record SaveIncidentInput(IncidentState State, PostMortemDraft? PostMortem = null);
