using Lucene.Net.Analysis.Ar;

namespace Dealix.Orchestrations.Common.Text;

/// <summary>
/// Light stemming for model features: Lucene's <see cref="ArabicStemmer"/> (article and conjunction
/// prefixes, common suffixes) for Arabic tokens, and an Arabizi folding for Latin tokens that carry the
/// digit letters (3 = ع, 7 = ح, 2 = ء, 5 = خ, 9 = ص, 6 = ط, 8 = غ) so «mas2ool», «masool» and «mas'ool» meet.
/// </summary>
public static class LightStemmer
{
    private static readonly ArabicStemmer Arabic = new();

    /// <summary>The stem of one normalised token; the token itself when no rule applies.</summary>
    public static string Stem(string token)
    {
        if (token.Length == 0)
        {
            return token;
        }

        if (TextNormalizer.IsArabicLetter(token[0]))
        {
            char[] buffer = token.ToCharArray();
            int length = Arabic.Stem(buffer, buffer.Length);
            return length >= 2 ? new string(buffer, 0, length) : token;
        }

        return IsArabizi(token) ? FoldArabizi(token) : token;
    }

    /// <summary>True for a Latin token that mixes letters with the Arabizi digit letters («ma3», «7abibi», «wa2if»).</summary>
    public static bool IsArabizi(string token)
    {
        bool letter = false;
        bool digit = false;
        foreach (char c in token)
        {
            letter |= c is >= 'a' and <= 'z';
            digit |= c is '2' or '3' or '5' or '6' or '7' or '8' or '9';
        }

        return letter && digit;
    }

    private static string FoldArabizi(string token)
    {
        var folded = new System.Text.StringBuilder(token.Length);
        foreach (char c in token)
        {
            string piece = c switch
            {
                '2' => string.Empty,
                '3' => "a",
                '5' => "kh",
                '6' => "t",
                '7' => "h",
                '8' => "gh",
                '9' => "s",
                'e' or 'i' or 'o' or 'u' => "a", // vowels are spelled freely in Arabizi
                _ => c.ToString(),
            };
            if (piece.Length > 0 && !(folded.Length > 0 && piece.Length == 1 && folded[^1] == piece[0]))
            {
                folded.Append(piece);
            }
        }

        return folded.ToString();
    }
}
