namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>
/// Where a ticket goes (§11.4 route): its classification, the owners, the SLA due times computed from when it
/// was opened, the first-response template, and the P0 auto-actions.
/// </summary>
public sealed record TicketRoute(
    TicketClassification Classification,
    PriorityTier Tier,
    DateTime FirstResponseDueAt,
    DateTime ResolutionDueAt,
    IReadOnlyList<string> AutoActions);
