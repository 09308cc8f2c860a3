namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The monthly competitive-analysis deep dive (§17.3 "Monthly (1st)", §18 1st 09:00 AST, covering the calendar month
/// before): competitors' content per competitor and topic, our posts per topic, the topic gaps both ways, competitor
/// names in inbound messages, and deals lost. Figures without a source are listed in <see cref="NotMeasured"/>.
/// </summary>
/// <param name="CompetitorItems">Competitors' items published in the month.</param>
/// <param name="ItemsByCompetitor">Competitor → items.</param>
/// <param name="ItemsByTopic">Topic → competitors' items carrying it.</param>
/// <param name="TopicsByCompetitor">Competitor → topic → items.</param>
/// <param name="OurPosts">Our calendar posts of the weeks starting in the month, not rejected.</param>
/// <param name="OurPostsByTopic">Topic → our posts (every one of our four topics, zeros included).</param>
/// <param name="TopicsTheyCoveredWeDidNot">Topics in competitors' items and in none of our posts.</param>
/// <param name="TopicsWeCoveredTheyDidNot">Topics of our posts in none of their items.</param>
/// <param name="InboundMessages">Inbound messages of the month (null: not measured).</param>
/// <param name="CompetitorMentions">Competitor → inbound messages naming it (null: not measured).</param>
/// <param name="DealsLost">Deals moved to <c>closed_lost</c> in the month (the ledger).</param>
/// <param name="DealsLostByReason">Reason → deals lost.</param>
/// <param name="DealsLostToCompetitor">Always <c>not measured</c>: the ledger records no competitor as a loss reason.</param>
/// <param name="Findings">Lines for the team, English and Arabic.</param>
/// <param name="NotMeasured">What no store records.</param>
public sealed record CompetitiveAnalysis(
    int CompetitorItems,
    IReadOnlyDictionary<string, int> ItemsByCompetitor,
    IReadOnlyDictionary<string, int> ItemsByTopic,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> TopicsByCompetitor,
    int OurPosts,
    IReadOnlyDictionary<string, int> OurPostsByTopic,
    IReadOnlyList<string> TopicsTheyCoveredWeDidNot,
    IReadOnlyList<string> TopicsWeCoveredTheyDidNot,
    int? InboundMessages,
    IReadOnlyDictionary<string, int>? CompetitorMentions,
    int DealsLost,
    IReadOnlyDictionary<string, int> DealsLostByReason,
    string DealsLostToCompetitor,
    IReadOnlyList<ReportItem> Findings,
    IReadOnlyList<NotMeasured> NotMeasured);
