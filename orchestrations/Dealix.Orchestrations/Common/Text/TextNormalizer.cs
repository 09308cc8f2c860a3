using System.Text;
using Lucene.Net.Analysis.Ar;

namespace Dealix.Orchestrations.Common.Text;

/// <summary>
/// Normalises bilingual (Arabic/English) customer text the way DOMAIN.md §9.2 prescribes, so every keyword
/// table, pattern and model sees one spelling per word: NFKC, invisible characters removed, Lucene's
/// <see cref="ArabicNormalizer"/> for diacritics, tatweel, alef forms, alef maqsura and ta marbuta, then what
/// Lucene lacks (hamza seats, Persian letters, Arabic-Indic digits, Latin lower-casing, English contractions,
/// letter repetition, whitespace). Pure and linear in the input length; never throws on any string.
/// </summary>
public static class TextNormalizer
{
    // Lucene's normaliser is stateless: one shared instance is safe.
    private static readonly ArabicNormalizer Arabic = new();

    private static readonly (string From, string To)[] Contractions =
    [
        ("can't", "can not"), ("cant", "can not"), ("cannot", "can not"),
        ("won't", "will not"), ("wont", "will not"),
    ];

    private static readonly string[] NtVerbs =
        ["do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "could", "would", "should"];

    /// <summary>Returns the normalised form of <paramref name="text"/>; null or blank gives the empty string.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        string nfkc;
        try
        {
            nfkc = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates make NFKC throw; drop them and carry on with the rest of the text.
            nfkc = StripInvalidSurrogates(text).Normalize(NormalizationForm.FormKC);
        }

        char[] buffer = new char[nfkc.Length];
        int length = 0;
        foreach (char c in nfkc)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            buffer[length++] = MapCharacter(c);
        }

        length = Arabic.Normalize(buffer, length);
        string mapped = new(buffer, 0, length);
        string expanded = ExpandContractions(mapped);
        return CollapseRepeatsAndSpaces(expanded);
    }

    /// <summary>True for a character of the Arabic script blocks.</summary>
    public static bool IsArabicLetter(char c) =>
        c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static bool IsInvisible(char c) =>
        c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
            or '\u061C' or '\uFEFF' or '\u00AD';

    private static char MapCharacter(char c) => c switch
    {
        'ؤ' => 'و',
        'ئ' => 'ي',
        'ٱ' => 'ا',
        'ک' => 'ك', // Persian keheh, common on Persian/Urdu keyboards
        'ی' => 'ي', // Persian yeh
        'ې' or 'ۍ' => 'ي',
        'ڤ' => 'ف', // Gulf spelling of "v" in loanwords (ڤيديو)
        'گ' => 'ك',
        'چ' => 'ج',
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        '’' or '‘' or 'ʼ' or '`' or '´' => '\'',
        '٫' => '.',
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        _ => char.ToLowerInvariant(c),
    };

    private static string ExpandContractions(string text)
    {
        if (!text.Contains('\'', StringComparison.Ordinal) && !ContainsAsciiLetter(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            if (!IsAsciiWordChar(text[i]))
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (IsAsciiWordChar(text[i]) || (text[i] == '\'' && i + 1 < text.Length && IsAsciiWordChar(text[i + 1]))))
            {
                i++;
            }

            result.Append(ExpandWord(text[start..i]));
        }

        return result.ToString();
    }

    private static string ExpandWord(string word)
    {
        foreach ((string from, string to) in Contractions)
        {
            if (word == from)
            {
                return to;
            }
        }

        foreach (string verb in NtVerbs)
        {
            if (word == verb + "n't" || word == verb + "nt")
            {
                return verb + " not";
            }
        }

        return word;
    }

    private static string CollapseRepeatsAndSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        char pendingSpace = '\0';
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                // A line break ends a clause (§9.2), so a whitespace run that holds one collapses to '\n'.
                if (result.Length > 0)
                {
                    pendingSpace = c is '\n' or '\r' || pendingSpace == '\n' ? '\n' : ' ';
                }

                i++;
                continue;
            }

            int run = 1;
            while (i + run < text.Length && text[i + run] == c)
            {
                run++;
            }

            if (pendingSpace != '\0')
            {
                result.Append(pendingSpace);
                pendingSpace = '\0';
            }

            // A run of three or more of the same letter becomes one letter; digits and symbols are left alone.
            if (run >= 3 && char.IsLetter(c))
            {
                result.Append(c);
            }
            else
            {
                result.Append(c, run);
            }

            i += run;
        }

        return result.ToString();
    }

    private static bool ContainsAsciiLetter(string text)
    {
        foreach (char c in text)
        {
            if (c is >= 'a' and <= 'z')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiWordChar(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    private static string StripInvalidSurrogates(string text)
    {
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
