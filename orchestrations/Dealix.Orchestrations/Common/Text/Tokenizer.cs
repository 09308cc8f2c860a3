namespace Dealix.Orchestrations.Common.Text;

/// <summary>
/// Splits normalised text into tokens (runs of letters and digits) and clauses (§9.2), and splits the
/// negations that Gulf writers join to the next word («لاترسلون» → «لا ترسلون», «مايهمني» → «ما يهمني»).
/// </summary>
public static class Tokenizer
{
    // Whole negation words that must not be split again («مانيب» is one word, not «ما نيب»).
    private static readonly HashSet<string> NegationWords =
        new(StringComparer.Ordinal) { "ماني", "مانيب", "مانا", "ماحنا", "ماهو", "موب", "مهب", "مافي", "مافيه", "مالي", "مالك", "مانع", "مارس", "مايو" };

    /// <summary>Normalises <paramref name="text"/> and tokenises the result.</summary>
    public static TokenizedText Analyze(string? text) => Tokenize(TextNormalizer.Normalize(text));

    /// <summary>Tokenises already-normalised text.</summary>
    public static TokenizedText Tokenize(string normalized)
    {
        var tokens = new List<TextToken>();
        int clause = 0;
        bool arabic = false;
        bool latin = false;
        int i = 0;
        while (i < normalized.Length)
        {
            char c = normalized[i];
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                while (i < normalized.Length && (char.IsLetterOrDigit(normalized[i]) || char.GetUnicodeCategory(normalized[i]) == System.Globalization.UnicodeCategory.NonSpacingMark))
                {
                    char t = normalized[i];
                    arabic |= TextNormalizer.IsArabicLetter(t) && char.IsLetter(t);
                    latin |= t is >= 'a' and <= 'z';
                    i++;
                }

                AddToken(tokens, normalized[start..i], clause);
                continue;
            }

            if (IsClauseBreak(normalized, i))
            {
                clause++;
            }

            i++;
        }

        TextLanguage language = (arabic, latin) switch
        {
            (true, true) => TextLanguage.Mixed,
            (true, false) => TextLanguage.Arabic,
            (false, true) => TextLanguage.English,
            _ => TextLanguage.None,
        };
        return new TokenizedText(normalized, tokens, language);
    }

    private static void AddToken(List<TextToken> tokens, string token, int clause)
    {
        if (TrySplitJoinedNegation(token, out string? negation, out string? rest))
        {
            tokens.Add(new TextToken(negation, clause));
            tokens.Add(new TextToken(rest, clause));
            return;
        }

        tokens.Add(new TextToken(token, clause));
    }

    private static bool TrySplitJoinedNegation(string token, out string negation, out string rest)
    {
        negation = string.Empty;
        rest = string.Empty;
        if (token.Length < 5 || NegationWords.Contains(token))
        {
            return false;
        }

        string head = token[..2];
        char next = token[2];
        bool split = head switch
        {
            // «لا»/«ما» before an imperfect verb or «عند…»: «لاترسل», «مانحتاج», «مايهمني», «ماعندي», «ماابي».
            "لا" or "ما" => next is 'ي' or 'ت' or 'ن' or 'ا' or 'ع',
            // «مو»/«مب» before an adjective or participle: «مومهتم», «مبمهتمين».
            "مو" => next is 'م' or 'ي' or 'ت' or 'ن',
            "مب" => next is 'م',
            _ => false,
        };
        if (split)
        {
            negation = head;
            rest = token[2..];
        }

        return split;
    }

    private static bool IsClauseBreak(string text, int i)
    {
        char c = text[i];
        if (c is '.' or ',' or ';' or ':' or '!' or '?' or '…' or '—' or '–' or '\n')
        {
            return true;
        }

        // A hyphen counts only with spaces around it ("yes - stop"), not inside "e-mail".
        return c == '-' && i > 0 && i + 1 < text.Length && text[i - 1] == ' ' && text[i + 1] == ' ';
    }
}
