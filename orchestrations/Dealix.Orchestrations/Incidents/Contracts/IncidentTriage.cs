namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>
/// The triage result (§13.1, §13.3): severity, first-action and communication cadence, the automatic actions,
/// whether the description promoted the severity, and whether PDPL notification is mandatory.
/// </summary>
public sealed record IncidentTriage(
    IncidentSeverity Severity,
    int FirstActionMinutes,
    string CommCadence,
    IReadOnlyList<string> AutoActions,
    IReadOnlyList<string> Reasons,
    bool PdplNotificationRequired);
