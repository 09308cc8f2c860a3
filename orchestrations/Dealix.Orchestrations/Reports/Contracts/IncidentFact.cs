using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>An incident as the reports see it: severity, phase and times.</summary>
public sealed record IncidentFact(string IncidentId, IncidentSeverity Severity, string Phase, DateTime DetectedAt, DateTime? ResolvedAt, bool Frozen)
{
    /// <summary>True until the incident is resolved.</summary>
    public bool IsOpen => ResolvedAt is null;
}
