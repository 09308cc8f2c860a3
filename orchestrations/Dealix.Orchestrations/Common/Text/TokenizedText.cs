namespace Dealix.Orchestrations.Common.Text;

/// <summary>A message after normalisation and tokenisation: what every matcher and model reads.</summary>
public sealed class TokenizedText
{
    internal TokenizedText(string normalized, IReadOnlyList<TextToken> tokens, TextLanguage language)
    {
        Normalized = normalized;
        Tokens = tokens;
        Language = language;
    }

    /// <summary>The normalised text (§9.2 steps 1–12).</summary>
    public string Normalized { get; }

    /// <summary>Tokens in order, with joined negations («لاترسل») split into two tokens.</summary>
    public IReadOnlyList<TextToken> Tokens { get; }

    /// <summary>Which scripts the message uses.</summary>
    public TextLanguage Language { get; }

    /// <summary>True when nothing but punctuation, emoji or whitespace was written.</summary>
    public bool IsEmpty => Tokens.Count == 0;
}
