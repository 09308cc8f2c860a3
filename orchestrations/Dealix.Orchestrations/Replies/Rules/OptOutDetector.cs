using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Replies.Rules;

/// <summary>
/// Pass 1 of reply classification (DOMAIN.md §9.3): finds an opt-out anywhere in a message, in Arabic
/// (Najdi, Hijazi, Gulf, formal), English, mixed text and Arabizi. Tuned for recall: a false opt-out is the
/// accepted error, a missed one is a PDPL breach. Nothing downstream (model, language model) can undo a match.
/// Patterns live in <c>Replies/Data/optout-rules.json</c>.
/// </summary>
public sealed class OptOutDetector
{
    internal const int ShortClauseMaxWords = 3;

    private readonly PatternSet _patterns;
    private readonly HashSet<string> _exactMessages;
    private readonly KeywordPattern _shortClauseStart;

    private OptOutDetector(OptOutRuleData data)
    {
        _patterns = PatternSet.From(new PatternSetData(data.Lists, data.Patterns));
        _exactMessages = new HashSet<string>(data.ExactMessages.Select(m => string.Join(' ', Tokenizer.Analyze(m).Tokens.Select(t => t.Value))),
            StringComparer.Ordinal);
        _shortClauseStart = KeywordPattern.Compile("A11", string.Join('/', data.ShortClauseStarts), _patterns.Lists);
    }

    /// <summary>The detector built from the embedded rule file; loaded once.</summary>
    public static OptOutDetector Default { get; } = new(EmbeddedData.ReadJson<OptOutRuleData>("Replies.Data.optout-rules.json"));

    /// <summary>Detects an opt-out in raw text.</summary>
    public OptOutMatch Detect(string? text) => Detect(Tokenizer.Analyze(text));

    /// <summary>Detects an opt-out in an analysed message; the result lists every rule that matched.</summary>
    public OptOutMatch Detect(TokenizedText text)
    {
        if (text.IsEmpty)
        {
            return OptOutMatch.None;
        }

        var matched = new List<string>();
        string whole = string.Join(' ', text.Tokens.Select(t => t.Value));
        if (_exactMessages.Contains(whole))
        {
            matched.Add("A12: exact message");
        }

        if (HasShortStopClause(text.Tokens))
        {
            matched.Add("A11: short clause starting with a stop or cancel word");
        }

        matched.AddRange(_patterns.Matches(text));
        return matched.Count == 0 ? OptOutMatch.None : new OptOutMatch(true, matched);
    }

    private bool HasShortStopClause(IReadOnlyList<TextToken> tokens)
    {
        int i = 0;
        while (i < tokens.Count)
        {
            int clause = tokens[i].Clause;
            int end = i;
            while (end < tokens.Count && tokens[end].Clause == clause)
            {
                end++;
            }

            if (end - i <= ShortClauseMaxWords && _shortClauseStart.AcceptsFirst(tokens[i].Value))
            {
                return true;
            }

            i = end;
        }

        return false;
    }
}
