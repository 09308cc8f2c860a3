namespace Dealix.Orchestrations.Common.Text;

/// <summary>A compiled set of <see cref="KeywordPattern"/>s loaded from one keyword data file.</summary>
public sealed class PatternSet
{
    private PatternSet(IReadOnlyList<KeywordPattern> patterns, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        Patterns = patterns;
        Lists = lists;
    }

    /// <summary>The compiled patterns, in file order.</summary>
    public IReadOnlyList<KeywordPattern> Patterns { get; }

    /// <summary>The named word lists, as written.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; }

    /// <summary>Compiles a data file's lists and patterns.</summary>
    public static PatternSet From(PatternSetData data)
    {
        var lists = data.Lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        // " | " separates whole alternative phrases of one entry ("bad gateway | gateway timeout").
        var patterns = data.Patterns
            .SelectMany(p => p.Pattern.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(alternative => Compile(p with { Pattern = alternative }, lists)))
            .ToList();
        return new PatternSet(patterns, lists);
    }

    /// <summary>Loads and compiles an embedded keyword data file.</summary>
    public static PatternSet Load(string fileName) => From(EmbeddedData.ReadJson<PatternSetData>(fileName));

    /// <summary>The ids and sources of every pattern that matches, in file order.</summary>
    public List<string> Matches(TokenizedText text)
    {
        var matched = new List<string>();
        foreach (KeywordPattern pattern in Patterns)
        {
            if (pattern.IsMatch(text))
            {
                matched.Add(pattern.Id + ": " + pattern.Source);
            }
        }

        return matched;
    }

    private static KeywordPattern Compile(PatternData p, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        KeywordPattern compiled = KeywordPattern.Compile(p.Id, p.Pattern, lists, p.SameClause);
        return p.NotPrecededBy is not null || p.NotFollowedBy is not null ? WithVetoes(compiled, p) : compiled;
    }

    private static KeywordPattern WithVetoes(KeywordPattern pattern, PatternData p)
    {
        var before = new HashSet<string>((p.NotPrecededBy ?? []).Select(TextNormalizer.Normalize), StringComparer.Ordinal);
        var after = new HashSet<string>((p.NotFollowedBy ?? []).Select(TextNormalizer.Normalize), StringComparer.Ordinal);
        return pattern.WithVetoes(before, p.PrecedingWindow, after, p.FollowingWindow);
    }
}
