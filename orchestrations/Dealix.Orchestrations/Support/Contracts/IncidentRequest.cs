namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>What a P0 ticket asks of incident response (§11.2 P0 auto-actions): the ticket, its evidence and when.</summary>
// WARNING: persisted in storage.
public sealed record IncidentRequest(
    string TenantId,
    string TicketId,
    string TicketInstanceId,
    TicketPriority Priority,
    IReadOnlyList<string> MatchedKeywords,
    string Reason,
    DateTime RequestedAt,
    string CorrelationId);
