using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;

namespace Dealix.Orchestrations.Content.Rules;

/// <summary>
/// The content gate of DOMAIN.md §3.7 for a social post, before it is stored (suggested or edited). Hard fails: a
/// positive prohibited claim of §3.3 (the shared <see cref="ContentGate.ProhibitedClaims"/>, negation rule included),
/// an unfilled placeholder, an empty text or one over <see cref="MaxLength"/> characters, and a text that repeats a
/// competitor's content (<see cref="RepeatsCompetitor"/>). Tone, soft: more than two exclamation marks, or none of the
/// brand terms of §3.6. Pure.
/// </summary>
public static class ContentPostGate
{
    /// <summary>The longest post (a LinkedIn/X thread opener; project choice).</summary>
    public const int MaxLength = 700;

    private static readonly string[] BrandTerms = ["Approval-first", "PDPL", "Saudi Tone", "Proof Pack", "Dealix"];

    /// <summary>Runs the gate on <paramref name="text"/> against the competitors' titles.</summary>
    public static GateResult Check(string? text, IEnumerable<string> competitorTitles)
    {
        ArgumentNullException.ThrowIfNull(competitorTitles);
        var hard = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new GateResult(false, ["empty"], []);
        }

        hard.AddRange(ContentGate.ProhibitedClaims(text));
        if (ReplyTemplates.HasUnfilledPlaceholder(text))
        {
            hard.Add("unfilled_placeholder");
        }

        if (text.Length > MaxLength)
        {
            hard.Add("too_long");
        }

        if (competitorTitles.Any(title => RepeatsCompetitor(text, title)))
        {
            hard.Add("repeats_competitor_content");
        }

        var warnings = new List<string>();
        if (text.Count(c => c == '!') > 2)
        {
            warnings.Add("tone_too_many_exclamations");
        }

        if (!BrandTerms.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add("tone_no_brand_term");
        }

        return new GateResult(hard.Count == 0, hard, warnings);
    }

    /// <summary>
    /// True when <paramref name="text"/> repeats a competitor's <paramref name="title"/>: the title (normalised, three
    /// words or more) appears in it, or four fifths of the title's distinct words (at least four) appear in one line of it.
    /// </summary>
    public static bool RepeatsCompetitor(string text, string? title)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] titleWords = Words(title);
        if (titleWords.Length < 3)
        {
            return false;
        }

        string[] textWords = Words(text);
        if (Contains(textWords, titleWords))
        {
            return true;
        }

        string[] distinct = [.. titleWords.Distinct(StringComparer.Ordinal)];
        return distinct.Length >= 4 && text.Split('\n').Any(line =>
        {
            var lineWords = Words(line).ToHashSet(StringComparer.Ordinal);
            return distinct.Count(lineWords.Contains) * 5 >= distinct.Length * 4;
        });
    }

    /// <summary>The text's words, lowercased, without punctuation, hashtags' '#' or Arabic diacritics.</summary>
    public static string[] Words(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : new string([.. text.ToLowerInvariant().Where(c => c is < '\u064B' or > '\u0652').Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool Contains(string[] words, string[] phrase)
    {
        for (int i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }
}
