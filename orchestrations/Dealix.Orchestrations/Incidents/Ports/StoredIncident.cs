using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Incidents.Ports;

/// <summary>A stored incident and, once resolved, its post-mortem draft.</summary>
public sealed record StoredIncident(IncidentState State, PostMortemDraft? PostMortem);
