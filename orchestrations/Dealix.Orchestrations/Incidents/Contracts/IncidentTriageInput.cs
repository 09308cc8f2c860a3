namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>The stated triage inputs (§13.1), plus whether personal data was exposed (for the PDPL assessment).</summary>
public sealed record IncidentTriageInput(
    bool HasDataLeak,
    bool HasUnauthorizedSend,
    int AffectedCustomers,
    string? Description,
    bool PersonalDataExposed = false);
