using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Outreach.Contracts;

namespace Dealix.Orchestrations.Outreach.Rules;

/// <summary>
/// The content quality gate of DOMAIN.md §3.7 for generated outreach e-mail: safety (no positive prohibited claim of
/// §3.3, with the negation rule: a trigger with «لا», «بدون», «ليس», «ما», "no", "not", "never" or "without" within the
/// 3 tokens before it is allowed), quality (the §10.2 rules of <see cref="OutreachRules.Violations"/>, no unfilled
/// placeholder) — both hard fails — and tone, a soft warning for the approver. Data in
/// <c>Outreach/Data/content-gate.json</c>. Pure.
/// </summary>
public static class ContentGate
{
    /// <summary>How many times a draft is generated in all: the first try and 2 regenerations (§3.7).</summary>
    public const int MaxAttempts = 3;

    private static readonly GateFile Data = EmbeddedData.ReadJson<GateFile>("Outreach.Data.content-gate.json");
    private static readonly HashSet<string> Negations = new(Data.Negations, StringComparer.OrdinalIgnoreCase);
    private static readonly (string Category, string[] Tokens)[] Triggers =
        [.. Data.Categories.SelectMany(c => c.Phrases.Select(p => (c.Id, Tokens(p))))];

    /// <summary>The prohibited-claim categories a text claims positively (stable codes <c>prohibited_claim:{category}</c>).</summary>
    public static IReadOnlyList<string> ProhibitedClaims(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        string[] tokens = Tokens(text);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((string category, string[] phrase) in Triggers)
        {
            for (int i = 0; i + phrase.Length <= tokens.Length; i++)
            {
                if (Matches(tokens, i, phrase) && !Negated(tokens, i))
                {
                    found.Add($"prohibited_claim:{category}");
                }
            }
        }

        for (int i = 0; i < tokens.Length; i++)
        {
            if (Data.Competitors.Contains(tokens[i], StringComparer.OrdinalIgnoreCase)
                && tokens.Skip(Math.Max(0, i - 4)).Take(9).Any(t => Data.NegativeWords.Contains(t, StringComparer.OrdinalIgnoreCase)))
            {
                found.Add("prohibited_claim:competitor_attack");
            }
        }

        return [.. found];
    }

    /// <summary>Runs the gate on a generated sequence (every body and the subject).</summary>
    public static GateResult Evaluate(EmailDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        string[] texts = [draft.Subject, draft.Body, .. draft.FollowUps];
        var hard = new List<string>();
        hard.AddRange(texts.SelectMany(ProhibitedClaims).Distinct(StringComparer.Ordinal));
        hard.AddRange(OutreachRules.Violations(draft));
        if (texts.Any(ReplyTemplates.HasUnfilledPlaceholder))
        {
            hard.Add("unfilled_placeholder");
        }

        var warnings = new List<string>();
        if (texts.Any(t => t.Count(c => c == '!') > 2))
        {
            warnings.Add("tone_too_many_exclamations");
        }

        if (texts.Any(t => t.Length > 12 && t.Where(char.IsLetter).All(c => !char.IsLower(c)) && t.Any(char.IsAsciiLetterUpper)))
        {
            warnings.Add("tone_shouting");
        }

        return new GateResult(hard.Count == 0, hard, warnings);
    }

    private static bool Matches(string[] tokens, int at, string[] phrase)
    {
        for (int j = 0; j < phrase.Length; j++)
        {
            string token = tokens[at + j];
            string want = phrase[j];

            // Arabic attaches "و" (and) and "ال" (the) to the word: «والعلاج» is «علاج».
            if (!string.Equals(token, want, StringComparison.OrdinalIgnoreCase) && token != "و" + want && token != "ال" + want && token != "وال" + want)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Negated(string[] tokens, int at)
    {
        for (int k = Math.Max(0, at - 3); k < at; k++)
        {
            if (Negations.Contains(tokens[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Tokens(string text) =>
        text.ToLowerInvariant().Split([.. " \t\r\n.,،؛;:!?؟()[]{}«»\"'“”-–—/".ToCharArray()], StringSplitOptions.RemoveEmptyEntries);

    private sealed record GateFile(List<Category> Categories, List<string> Negations, List<string> Competitors, List<string> NegativeWords);

    private sealed record Category(string Id, List<string> Phrases);
}
