namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>
/// A ticket as stored in the <c>Tickets</c> table (tenant id = partition key, ticket id = row key): what came in, how
/// it was classified and routed, and its SLA position as last projected from the append-only SLA log.
/// </summary>
// WARNING: persisted in storage and returned by the ticket routes.
public sealed record SupportTicket
{
    public required string TicketId { get; init; }
    public required string TenantId { get; init; }
    public required string InstanceId { get; init; }
    public required string Source { get; init; }
    public required TicketPriority Priority { get; init; }
    public required IReadOnlyList<string> Owners { get; init; }
    public required IReadOnlyList<string> MatchedKeywords { get; init; }
    public required string Reason { get; init; }

    /// <summary><c>open</c> or <c>resolved</c>.</summary>
    public required string Status { get; init; }
    public required DateTime OpenedAt { get; init; }
    public required DateTime FirstResponseDueAt { get; init; }
    public required DateTime ResolutionDueAt { get; init; }
    public DateTime? FirstResponseAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public required string CorrelationId { get; init; }

    /// <summary>The ticket's text (personal data: never logged).</summary>
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public TicketReplyTo? ReplyTo { get; init; }

    /// <summary>The first-response draft in the approval center, when one was made.</summary>
    public string? DraftId { get; init; }
    public bool IncidentRequested { get; init; }

    /// <summary>The incident a P0 ticket opened (<c>incident:{tenant}:{IncidentId}</c>).</summary>
    public string? IncidentId { get; init; }

    /// <summary>The highest escalation recorded (<c>{target}:{level}</c>), for the list view.</summary>
    public string? LastEscalation { get; init; }
}
