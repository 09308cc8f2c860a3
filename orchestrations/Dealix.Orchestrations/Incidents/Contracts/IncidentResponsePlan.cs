namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>One step of the canonical plan with its scope for the incident's severity.</summary>
public sealed record IncidentStep(int Order, string Step, string Title, string Scope);

/// <summary>
/// The response plan (§13.2–§13.4): the canonical five steps (always including the PDPL step), the extra steps of
/// the severity, the post-mortem template sections, and the PDPL deadline with its reminders.
/// </summary>
public sealed record IncidentResponsePlan(
    IncidentSeverity Severity,
    IReadOnlyList<IncidentStep> CanonicalSteps,
    IReadOnlyList<string> SeveritySteps,
    IReadOnlyList<string> PostMortemSections,
    PdplDeadline Pdpl);

/// <summary>The PDPL 72-hour clock from detection (§13.2): reminders at +24, +48 and +60 h, due at +72 h.</summary>
public sealed record PdplDeadline(DateTime DetectedAt, DateTime DueAt, IReadOnlyList<DateTime> Reminders, bool NotificationRequired);
