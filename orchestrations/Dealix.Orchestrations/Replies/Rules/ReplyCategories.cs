using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Replies.Contracts;

namespace Dealix.Orchestrations.Replies.Rules;

/// <summary>The per-category table of DOMAIN.md §9.1, loaded from <c>Replies/Data/reply-categories.json</c>.</summary>
public static class ReplyCategories
{
    private static readonly Dictionary<ReplyCategory, ReplyCategoryInfo> Table = Load();

    /// <summary>All 12 categories in precedence order.</summary>
    public static IReadOnlyList<ReplyCategoryInfo> All { get; } = [.. Table.Values.OrderBy(i => i.Category)];

    /// <summary>The row of one category.</summary>
    public static ReplyCategoryInfo For(ReplyCategory category) => Table[category];

    /// <summary>The category of a snake_case wire name (as used in the corpus); false when unknown.</summary>
    public static bool TryParse(string wireName, out ReplyCategory category)
    {
        foreach (ReplyCategoryInfo info in Table.Values)
        {
            if (info.WireName == wireName)
            {
                category = info.Category;
                return true;
            }
        }

        category = ReplyCategory.Unclear;
        return false;
    }

    private static Dictionary<ReplyCategory, ReplyCategoryInfo> Load()
    {
        List<Row> rows = EmbeddedData.ReadJson<List<Row>>("Replies.Data.reply-categories.json");
        return rows.ToDictionary(r => r.Category, r => new ReplyCategoryInfo(r.Category, WireName(r.Category), r.AutoReplyAllowed,
            r.Response, r.Actions));
    }

    private static string WireName(ReplyCategory category) =>
        System.Text.Json.JsonSerializer.Serialize(category).Trim('"');

    private sealed record Row(ReplyCategory Category, bool AutoReplyAllowed, string? Response, List<string> Actions);
}
