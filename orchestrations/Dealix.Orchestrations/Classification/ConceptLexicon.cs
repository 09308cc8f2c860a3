using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Classification;

/// <summary>
/// Maps words and phrases with one meaning across Arabic dialects, English and Arabizi to one concept token
/// («سعر», "pricing", "si3r" → <c>cpt_price</c>), read from <c>Classification/Data/concepts.json</c>. The learned
/// classifiers see these tokens as extra features, which is what lets a small corpus generalise.
/// </summary>
public sealed class ConceptLexicon
{
    private readonly List<(string Token, List<KeywordPattern> Patterns)> _concepts;

    private ConceptLexicon(LexiconFile file)
    {
        var lists = file.Lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        _concepts = [.. file.Concepts.Select(kv => ("cpt_" + kv.Key.Replace('-', '_'),
            kv.Value.Select(p => KeywordPattern.Compile(kv.Key, p, lists)).ToList()))];
    }

    /// <summary>The lexicon built from the embedded data file; loaded once.</summary>
    public static ConceptLexicon Default { get; } = new(EmbeddedData.ReadJson<LexiconFile>("Classification.Data.concepts.json"));

    /// <summary>The concept tokens present in <paramref name="text"/>, in lexicon order.</summary>
    public List<string> ConceptsIn(TokenizedText text)
    {
        var found = new List<string>();
        foreach ((string token, List<KeywordPattern> patterns) in _concepts)
        {
            if (patterns.Any(p => p.IsMatch(text)))
            {
                found.Add(token);
            }
        }

        return found;
    }

    private sealed record LexiconFile(Dictionary<string, List<string>> Lists, Dictionary<string, List<string>> Concepts);
}
