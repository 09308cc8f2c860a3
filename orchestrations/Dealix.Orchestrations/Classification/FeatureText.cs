using System.Text;
using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Classification;

/// <summary>
/// Turns a raw message into the text the learned classifiers featurise: normalised tokens followed by their
/// light stems. Only the first <see cref="HeadTokens"/> and last <see cref="TailTokens"/> tokens are kept, so a
/// 1 MB message costs the same as a short one; the safety rules, not the model, read the whole message.
/// </summary>
public static class FeatureText
{
    /// <summary>Tokens kept from the start of a long message.</summary>
    public const int HeadTokens = 200;

    /// <summary>Tokens kept from the end of a long message.</summary>
    public const int TailTokens = 60;

    /// <summary>The feature text of a raw message.</summary>
    public static string For(string? text) => For(Tokenizer.Analyze(text));

    /// <summary>The feature text of an analysed message.</summary>
    public static string For(TokenizedText text)
    {
        IReadOnlyList<TextToken> tokens = text.Tokens;
        IReadOnlyList<TextToken> kept = tokens.Count <= HeadTokens + TailTokens
            ? tokens
            : [.. tokens.Take(HeadTokens), .. tokens.Skip(tokens.Count - TailTokens)];
        var words = new StringBuilder();
        var stems = new StringBuilder();
        foreach (TextToken token in kept)
        {
            words.Append(token.Value).Append(' ');
            string stem = LightStemmer.Stem(token.Value);
            if (stem != token.Value)
            {
                stems.Append(stem).Append(' ');
            }
        }

        var keptText = new TokenizedText(text.Normalized, kept, text.Language);
        foreach (string concept in ConceptLexicon.Default.ConceptsIn(keptText))
        {
            words.Append(concept).Append(' ');
        }

        if (kept.Count == 0)
        {
            words.Append("cpt_empty ");
        }
        else if (kept.Count <= 2)
        {
            words.Append("cpt_short ");
        }

        return words.Append(stems).ToString().TrimEnd();
    }
}
