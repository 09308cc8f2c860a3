namespace Dealix.Orchestrations.Common.Text;

/// <summary>
/// One keyword pattern in the notation of DOMAIN.md §9.2, compiled for matching against a
/// <see cref="TokenizedText"/>. Syntax, words separated by spaces:
/// <c>word</c> plain word (one proclitic allowed; a keyword with «ال» also matches without it),
/// <c>word*</c> or <c>word…</c> stem (any ending), <c>word*X</c> stem that ends in X, <c>=word</c> whole word,
/// <c>a/b</c> alternatives, <c>[a/b]</c> optional word, <c>[+N]</c> up to N other words, <c>{list}</c> any word of
/// a named list. Matching is a bounded backtracking search: at most one match attempt per start token.
/// </summary>
public sealed class KeywordPattern
{
    private static readonly string[] Proclitics =
    [
        "وهال", "وال", "فال", "بال", "ولل", "فلل", "هال", "ال", "لل", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل",
    ];

    internal const int MemoThreshold = 256;

    private readonly Element[] _elements;

    private KeywordPattern(string id, string source, Element[] elements, bool sameClause)
    {
        Id = id;
        Source = source;
        _elements = elements;
        SameClause = sameClause;
    }

    /// <summary>The rule id shown in <c>matched_keywords</c> (e.g. "A4").</summary>
    public string Id { get; }

    /// <summary>The pattern as written in the data file.</summary>
    public string Source { get; }

    /// <summary>All matched tokens must lie in one clause.</summary>
    public bool SameClause { get; }

    /// <summary>Words that veto a match when one of them is among the tokens just before it.</summary>
    public IReadOnlySet<string> NotPrecededBy { get; private init; } = new HashSet<string>();

    /// <summary>How many tokens before the match <see cref="NotPrecededBy"/> looks at.</summary>
    public int PrecedingWindow { get; private init; } = 1;

    /// <summary>Words that veto a match when the token right after it is one of them.</summary>
    public IReadOnlySet<string> NotFollowedBy { get; private init; } = new HashSet<string>();

    /// <summary>How many tokens after the match <see cref="NotFollowedBy"/> looks at.</summary>
    public int FollowingWindow { get; private init; } = 1;

    /// <summary>A copy with conditions (§9.1 †): words that may not precede or follow a match.</summary>
    public KeywordPattern WithVetoes(IReadOnlySet<string> notPrecededBy, int precedingWindow, IReadOnlySet<string> notFollowedBy,
        int followingWindow = 1) =>
        new(Id, Source, _elements, SameClause)
        {
            NotPrecededBy = notPrecededBy,
            PrecedingWindow = precedingWindow,
            NotFollowedBy = notFollowedBy,
            FollowingWindow = followingWindow,
        };

    /// <summary>Compiles <paramref name="pattern"/>; <paramref name="lists"/> resolves <c>{name}</c> references.</summary>
    public static KeywordPattern Compile(string id, string pattern, IReadOnlyDictionary<string, IReadOnlyList<string>> lists,
        bool sameClause = false)
    {
        var elements = new List<Element>();
        foreach (string part in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("[+", StringComparison.Ordinal) && part.EndsWith(']'))
            {
                elements.Add(new Element([], Optional: false, Gap: int.Parse(part[2..^1], System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            bool optional = part.StartsWith('[') && part.EndsWith(']');
            string body = optional ? part[1..^1] : part;
            var alternatives = new List<Alternative>();
            foreach (string alt in body.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (alt.StartsWith('{') && alt.EndsWith('}'))
                {
                    string name = alt[1..^1];
                    if (!lists.TryGetValue(name, out IReadOnlyList<string>? words))
                    {
                        throw new InvalidOperationException($"Pattern {id} refers to unknown list '{name}'.");
                    }

                    alternatives.AddRange(words.Select(Alternative.Parse));
                }
                else
                {
                    alternatives.Add(Alternative.Parse(alt));
                }
            }

            elements.Add(new Element([.. alternatives], optional, Gap: 0));
        }

        return new KeywordPattern(id, pattern, [.. elements], sameClause);
    }

    /// <summary>True if the pattern matches anywhere in <paramref name="text"/>.</summary>
    public bool IsMatch(TokenizedText text)
    {
        IReadOnlyList<TextToken> tokens = text.Tokens;

        // Long messages repeat their words: remember each element's verdict per distinct token so a 1 MB
        // message costs hash look-ups, not a full alternative scan per token.
        Dictionary<string, bool>[]? memo = tokens.Count > MemoThreshold ? new Dictionary<string, bool>[_elements.Length] : null;
        for (int start = 0; start < tokens.Count; start++)
        {
            if (MatchAt(tokens, start, 0, tokens[start].Clause, memo, out int end) && !IsVetoed(tokens, start, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True if the pattern matches starting exactly at token <paramref name="start"/>.</summary>
    public bool IsMatchAt(IReadOnlyList<TextToken> tokens, int start) =>
        start < tokens.Count && MatchAt(tokens, start, 0, tokens[start].Clause, null, out int end) && !IsVetoed(tokens, start, end);

    /// <summary>True when a single token is accepted by the pattern's first element.</summary>
    public bool AcceptsFirst(string token) => _elements.Length > 0 && _elements[0].Accepts(token);

    private bool IsVetoed(IReadOnlyList<TextToken> tokens, int start, int end)
    {
        for (int k = 1; k <= PrecedingWindow && start - k >= 0; k++)
        {
            if (tokens[start - k].Clause == tokens[start].Clause && NotPrecededBy.Contains(tokens[start - k].Value))
            {
                return true;
            }
        }

        for (int k = 0; k < FollowingWindow && end + k < tokens.Count; k++)
        {
            if (NotFollowedBy.Contains(tokens[end + k].Value))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchAt(IReadOnlyList<TextToken> tokens, int position, int elementIndex, int clause,
        Dictionary<string, bool>[]? memo, out int end)
    {
        end = position;
        if (elementIndex == _elements.Length)
        {
            return true;
        }

        Element element = _elements[elementIndex];
        if (element.Gap > 0)
        {
            for (int skip = 0; skip <= element.Gap; skip++)
            {
                if (position + skip > tokens.Count)
                {
                    break;
                }

                if (skip > 0 && SameClause && tokens[position + skip - 1].Clause != clause)
                {
                    break;
                }

                if (MatchAt(tokens, position + skip, elementIndex + 1, clause, memo, out end))
                {
                    return true;
                }
            }

            return false;
        }

        if (position < tokens.Count && (!SameClause || tokens[position].Clause == clause)
            && Accepts(element, elementIndex, tokens[position].Value, memo)
            && MatchAt(tokens, position + 1, elementIndex + 1, clause, memo, out end))
        {
            return true;
        }

        return element.Optional && MatchAt(tokens, position, elementIndex + 1, clause, memo, out end);
    }

    private static bool Accepts(Element element, int elementIndex, string token, Dictionary<string, bool>[]? memo)
    {
        if (memo is null)
        {
            return element.Accepts(token);
        }

        Dictionary<string, bool> verdicts = memo[elementIndex] ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!verdicts.TryGetValue(token, out bool accepted))
        {
            accepted = element.Accepts(token);
            verdicts[token] = accepted;
        }

        return accepted;
    }

    private sealed record Element(Alternative[] Alternatives, bool Optional, int Gap)
    {
        public bool Accepts(string token)
        {
            foreach (Alternative alternative in Alternatives)
            {
                if (alternative.Accepts(token))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private enum AlternativeKind
    {
        Plain,
        Stem,
        Whole,
    }

    private sealed record Alternative(string Word, AlternativeKind Kind, string? Ending)
    {
        public static Alternative Parse(string raw)
        {
            string text = raw.Replace('…', '*');
            if (text.StartsWith('='))
            {
                return new Alternative(TextNormalizer.Normalize(text[1..]), AlternativeKind.Whole, null);
            }

            int star = text.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                return new Alternative(TextNormalizer.Normalize(text), AlternativeKind.Plain, null);
            }

            string ending = text[(star + 1)..];
            return new Alternative(TextNormalizer.Normalize(text[..star]), AlternativeKind.Stem,
                ending.Length == 0 ? null : TextNormalizer.Normalize(ending));
        }

        public bool Accepts(string token)
        {
            if (Fits(token))
            {
                return true;
            }

            if (Kind == AlternativeKind.Whole || !IsArabic(token))
            {
                return false;
            }

            foreach (string proclitic in Proclitics)
            {
                if (token.Length - proclitic.Length >= 2 && token.StartsWith(proclitic, StringComparison.Ordinal)
                    && Fits(token[proclitic.Length..]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Fits(string token) => Kind switch
        {
            AlternativeKind.Stem => token.StartsWith(Word, StringComparison.Ordinal)
                && (Ending is null || (token.Length >= Word.Length + Ending.Length && token.EndsWith(Ending, StringComparison.Ordinal))),
            _ => token == Word || (Kind == AlternativeKind.Plain && Word.Length > 3 && Word.StartsWith("ال", StringComparison.Ordinal)
                && token == Word[2..]),
        };

        private static bool IsArabic(string token) => token.Length > 0 && TextNormalizer.IsArabicLetter(token[0]);
    }
}
