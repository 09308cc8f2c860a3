using Dealix.Orchestrations.Content.Contracts;

namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// What the competitive analysis reads besides the ledger: the competitors' items published in the window, our
/// calendar entries of the weeks the window touches, and, when the deal threads are readable, how many inbound messages
/// of the window there were and how many named each competitor (counts only, never the text).
/// </summary>
/// <param name="CompetitorItems">Competitors' items published in the window.</param>
/// <param name="OwnPosts">Our content-calendar entries of the weeks that start in or overlap the window.</param>
/// <param name="InboundMessages">Inbound messages received in the window; null when the thread store was not read.</param>
/// <param name="CompetitorMentions">Competitor name → inbound messages of the window naming it; null when not read.</param>
public sealed record MarketingFacts(
    IReadOnlyList<CompetitorItem> CompetitorItems,
    IReadOnlyList<ContentEntry> OwnPosts,
    int? InboundMessages,
    IReadOnlyDictionary<string, int>? CompetitorMentions);
