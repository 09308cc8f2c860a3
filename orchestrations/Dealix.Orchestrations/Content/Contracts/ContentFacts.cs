namespace Dealix.Orchestrations.Content.Contracts;

/// <summary>
/// What the weekly content suggestions are inspired by, read from one tenant's stores for the seven days before the
/// week: reply intents (the ledger's <c>classify</c> lines), support-ticket keywords, the campaigns beating their
/// target CPA, our own recent calendar entries (and earlier ones marked top), and competitors' recent content.
/// </summary>
/// <param name="ReplyIntents">Reply category → count in the seven days.</param>
/// <param name="TicketKeywords">Matched ticket keyword → count among the tickets opened in the seven days.</param>
/// <param name="TopCampaigns">Active campaigns under their target CPA, best first (name and the figures, for the reviewer).</param>
/// <param name="OwnPosts">Our calendar entries of the four weeks before, plus every earlier entry marked top.</param>
/// <param name="Competitors">Competitors' items published in the eight weeks before.</param>
public sealed record ContentFacts(
    IReadOnlyDictionary<string, int> ReplyIntents,
    IReadOnlyDictionary<string, int> TicketKeywords,
    IReadOnlyList<string> TopCampaigns,
    IReadOnlyList<ContentEntry> OwnPosts,
    IReadOnlyList<CompetitorItem> Competitors)
{
    /// <summary>No facts.</summary>
    public static ContentFacts Empty { get; } = new(new Dictionary<string, int>(), new Dictionary<string, int>(), [], [], []);
}
