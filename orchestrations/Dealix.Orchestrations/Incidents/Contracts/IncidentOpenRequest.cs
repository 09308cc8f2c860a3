namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>
/// Opens one incident (input of <see cref="IncidentResponseOrchestrator"/>): who opened it (<see cref="IncidentSources"/>),
/// the §13.1 triage inputs, when Dealix became aware (<c>DetectedAt</c>, the start of the PDPL clock) and the
/// correlation id every step of the incident carries. <c>TicketId</c> names the P0 ticket that raised it, if any;
/// <c>CustomerEmail</c> is the affected customer's contact for the communication drafts (personal data: never logged).
/// </summary>
// WARNING: persisted in history.
public sealed record IncidentOpenRequest(
    string Tenant,
    string IncidentId,
    string Source,
    string Title,
    bool HasDataLeak,
    bool HasUnauthorizedSend,
    int AffectedCustomers,
    string? Description,
    bool PersonalDataExposed,
    DateTime DetectedAt,
    string CorrelationId,
    string OpenedBy,
    string? TicketId = null,
    string? CustomerEmail = null,
    string? Scope = null);
