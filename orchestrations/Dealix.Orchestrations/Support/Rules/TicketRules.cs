using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Rules;

/// <summary>
/// The keyword layer of ticket priority (DOMAIN.md §11.2): P0 → P1 → P2, otherwise P3, over the normalised
/// subject and body. Arabic keywords match as substrings (over-escalating is safe), «عطل»-style entries as
/// whole words, English and Arabic phrases through <see cref="KeywordPattern"/>. A P0 match is a hard rule:
/// the learned layer may raise a ticket to P0 but never lower one. Keywords live in <c>Support/Data/ticket-rules.json</c>.
/// </summary>
public sealed class TicketRules
{
    private static readonly string[] JoinableNegations = ["ما ", "مو ", "مب ", "لا "];

    private readonly Dictionary<TicketPriority, Tier> _tiers;

    private TicketRules(RuleFile file)
    {
        var lists = file.Lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        _tiers = file.Priorities.ToDictionary(kv => kv.Key, kv => new Tier(
            Substrings(kv.Value.ArabicSubstrings),
            [.. kv.Value.ArabicWords.Select(w => KeywordPattern.Compile(w, w, lists))],
            PatternSet.From(new PatternSetData(file.Lists, kv.Value.Patterns))));
    }

    /// <summary>The rules built from the embedded data file; loaded once.</summary>
    public static TicketRules Default { get; } = new(EmbeddedData.ReadJson<RuleFile>("Support.Data.ticket-rules.json"));

    /// <summary>The first priority (P0, P1, P2) whose keywords match, with what matched; P3 when none does.</summary>
    public (TicketPriority Priority, IReadOnlyList<string> Matched) Match(TokenizedText text)
    {
        foreach (TicketPriority priority in new[] { TicketPriority.P0, TicketPriority.P1, TicketPriority.P2 })
        {
            List<string> matched = Matches(priority, text);
            if (matched.Count > 0)
            {
                return (priority, matched);
            }
        }

        return (TicketPriority.P3, []);
    }

    /// <summary>Every keyword of one priority that matches the text.</summary>
    public List<string> Matches(TicketPriority priority, TokenizedText text)
    {
        var matched = new List<string>();
        if (!_tiers.TryGetValue(priority, out Tier? tier))
        {
            return matched;
        }

        string haystack = " " + text.Normalized.Replace('\n', ' ') + " ";
        foreach ((string keyword, string shown) in tier.Substrings)
        {
            if (haystack.Contains(keyword, StringComparison.Ordinal))
            {
                matched.Add(shown);
            }
        }

        foreach (KeywordPattern word in tier.Words)
        {
            if (word.IsMatch(text))
            {
                matched.Add(word.Source);
            }
        }

        matched.AddRange(tier.Patterns.Matches(text));
        return matched;
    }

    private static List<(string Keyword, string Shown)> Substrings(IEnumerable<string> keywords)
    {
        var result = new List<(string, string)>();
        foreach (string keyword in keywords)
        {
            string normalized = TextNormalizer.Normalize(keyword);
            result.Add((normalized, keyword));
            foreach (string negation in JoinableNegations)
            {
                if (normalized.StartsWith(negation, StringComparison.Ordinal))
                {
                    result.Add((negation.TrimEnd() + normalized[negation.Length..], keyword));
                }
            }
        }

        return result;
    }

    private sealed record Tier(List<(string Keyword, string Shown)> Substrings, List<KeywordPattern> Words, PatternSet Patterns);

    private sealed record RuleFile(Dictionary<string, List<string>> Lists, Dictionary<TicketPriority, TierFile> Priorities);

    private sealed record TierFile(List<string> ArabicSubstrings, List<string> ArabicWords, List<PatternData> Patterns);
}
