using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>A support ticket as the reports see it: priority, SLA times and the keywords that classified it.</summary>
public sealed record TicketFact(string TicketId, TicketPriority Priority, string Status, DateTime OpenedAt, DateTime? FirstResponseAt,
    DateTime? ResolvedAt, IReadOnlyList<string> MatchedKeywords);
