using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Sla.Contracts;

/// <summary>The SLA health of a tenant over a window (§12.3).</summary>
public sealed record SlaHealthReport(
    DateTime WindowStart,
    DateTime WindowEnd,
    int TotalTickets,
    IReadOnlyDictionary<TicketPriority, int> TicketsByPriority,
    IReadOnlyDictionary<TicketPriority, int> BreachesByPriority,
    int FirstResponseBreaches,
    int ResolutionBreaches,
    TimeSpan? MedianFirstResponse,
    int BreachedTickets,
    double BreachRate,
    SlaVerdict Verdict);
