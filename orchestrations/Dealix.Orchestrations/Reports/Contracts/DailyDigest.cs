namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The daily digest (§17.2 step 5, §18 07:00 daily; Sunday's covers Thursday–Saturday): what moved in the window —
/// drafts, sends, replies, stages, tickets, SLA breaches, incidents — and the approval queue as it stands.
/// </summary>
/// <param name="Drafts">Created, approved, rejected, expired and gate-blocked in the window.</param>
/// <param name="SentByChannel">Messages the provider accepted, per channel (<c>send</c> lines with outcome <c>sent</c>).</param>
/// <param name="RepliesByCategory">Inbound replies classified in the window, per category.</param>
/// <param name="StageMovements">Applied stage transitions in the window, <c>from→to</c>.</param>
/// <param name="TicketsOpened">Tickets opened in the window, per priority (P0–P3).</param>
/// <param name="TicketsResolved">Tickets resolved in the window, per priority.</param>
/// <param name="BreachedTickets">Ids of tickets opened in the window, or still open, whose SLA is breached now.</param>
/// <param name="IncidentsOpened">Incidents detected in the window.</param>
/// <param name="PendingApprovals">Drafts waiting for an operator now.</param>
/// <param name="OverdueApprovals">Of those, the ones past their approval deadline.</param>
public sealed record DailyDigest(
    DraftCounts Drafts,
    IReadOnlyDictionary<string, int> SentByChannel,
    IReadOnlyDictionary<string, int> RepliesByCategory,
    IReadOnlyDictionary<string, int> StageMovements,
    IReadOnlyDictionary<string, int> TicketsOpened,
    IReadOnlyDictionary<string, int> TicketsResolved,
    IReadOnlyList<string> BreachedTickets,
    int IncidentsOpened,
    int PendingApprovals,
    int OverdueApprovals);
