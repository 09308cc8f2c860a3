using System.Text.RegularExpressions;
using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Replies.Rules;

namespace Dealix.Orchestrations.Outreach.Rules;

/// <summary>
/// Outbound prospecting rules (DOMAIN.md §10): the compliance check (block, warn, PDPL flag) and contactability,
/// the email draft rules (≤ 130 words per body with the opt-out line counted, an opt-out line in every email,
/// exactly 2 follow-ups, subject ≤ 60 characters), and daily targeting (top 50 by a 0–100 score across the nine
/// sectors, blocked and recently contacted candidates excluded, never padded). Data in
/// <c>Outreach/Data/outreach-rules.json</c>. Pure: the current instant is a parameter.
/// </summary>
public static partial class OutreachRules
{
    /// <summary>Words allowed in each email body.</summary>
    public const int MaxWords = 130;

    /// <summary>Characters allowed in the subject.</summary>
    public const int MaxSubjectLength = 60;

    /// <summary>Follow-ups in every sequence.</summary>
    public const int FollowUps = 2;

    /// <summary>Candidates selected per day.</summary>
    public const int DailyTarget = 50;

    private static readonly RulesFile Data = EmbeddedData.ReadJson<RulesFile>("Outreach.Data.outreach-rules.json");
    private static readonly HashSet<string> FreeDomains = new(Data.FreeEmailDomains, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> LawfulSources = new(Data.LawfulSources, StringComparer.Ordinal);
    private static readonly HashSet<string> PriorityCities = new(Data.PriorityCities, StringComparer.OrdinalIgnoreCase);

    /// <summary>The Arabic opt-out line (§10.2).</summary>
    public static string OptOutLineArabic => Data.OptOutLineAr;

    /// <summary>The English opt-out line (§10.2).</summary>
    public static string OptOutLineEnglish => Data.OptOutLineEn;

    /// <summary>The nine sector ids.</summary>
    public static IReadOnlyList<string> Sectors => Data.Sectors;

    /// <summary>
    /// The compliance check of §10.3 with the contactability mapping of §10.4: the one implementation, used by the
    /// daily pipeline, the reply path (<c>Deals.Lifecycle.ComplianceCheck</c>) and the compliance API.
    /// </summary>
    public static ComplianceResult Check(OutreachContact contact, DateTime nowUtc)
    {
        var blocks = new List<string>();
        if (contact.OptedOut)
        {
            blocks.Add("opted_out");
        }

        if (contact.Bounced)
        {
            blocks.Add("bounced");
        }

        if (contact.PreviousComplaint || contact.SourceFlaggedScrapedOrPurchased || contact.DomainBlocklisted || contact.MarkedDoNotContact)
        {
            blocks.Add("high_risk");
        }

        if (string.IsNullOrWhiteSpace(contact.Source) || !LawfulSources.Contains(contact.Source)
            || (contact.Source == "event" && string.IsNullOrWhiteSpace(contact.SourceReference)))
        {
            blocks.Add("no_source");
        }

        if (contact.Channel == MessageChannel.Email && (!IsValidEmail(contact.Email) || contact.EmailHasMx == false))
        {
            blocks.Add("invalid_email");
        }
        else if (contact.Channel is MessageChannel.WhatsApp or MessageChannel.Sms && contact.Source != "inbound" && !IsValidPhone(contact.Phone))
        {
            blocks.Add("invalid_number");
        }

        if (blocks.Count > 0)
        {
            return new ComplianceResult(ComplianceOutcome.Blocked, Contactability.Blocked, blocks);
        }

        var warnings = new List<string>();
        if (contact.Channel == MessageChannel.Email && IsFreeDomain(contact.Email))
        {
            warnings.Add("personal_email_manual_channel_preferred");
            warnings.Add("pdpl_free_email_domain");
        }

        var review = new List<string>(warnings);
        if (string.IsNullOrWhiteSpace(contact.RoleOrTitle))
        {
            review.Add("missing_role");
        }

        if (contact.SourceRecordedAt is { } recorded && recorded < nowUtc.AddMonths(-12))
        {
            review.Add("source_older_than_12_months");
        }

        if (contact.Channel == MessageChannel.WhatsApp && !contact.HasWhatsAppOptIn && contact.Source != "inbound")
        {
            review.Add("no_whatsapp_opt_in");
        }

        return new ComplianceResult(warnings.Count > 0 ? ComplianceOutcome.Warn : ComplianceOutcome.Allowed,
            review.Count > 0 ? Contactability.NeedsReview : Contactability.Safe, review);
    }

    /// <summary>True for a syntactically valid address (the MX look-up is an activity's job).</summary>
    public static bool IsValidEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 254 && EmailPattern().IsMatch(email);

    /// <summary>True for an international number of 8–15 digits (spaces, dashes and a leading + allowed).</summary>
    public static bool IsValidPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return false;
        }

        string trimmed = phone.Trim();
        int digits = trimmed.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15 && trimmed.TrimStart('+').All(c => char.IsAsciiDigit(c) || c is ' ' or '-');
    }

    /// <summary>True for an address on a free or personal domain.</summary>
    public static bool IsFreeDomain(string? email)
    {
        int at = email?.LastIndexOf('@') ?? -1;
        return at > 0 && FreeDomains.Contains(email![(at + 1)..].Trim());
    }

    /// <summary>Whitespace-separated words of a body (the opt-out line counts).</summary>
    public static int WordCount(string? body) =>
        string.IsNullOrWhiteSpace(body) ? 0 : body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Every rule a draft breaks (stable codes); empty when it passes.</summary>
    public static IReadOnlyList<string> Violations(EmailDraft draft)
    {
        var violations = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Subject))
        {
            violations.Add("subject_missing");
        }
        else if (draft.Subject.Length > MaxSubjectLength)
        {
            violations.Add("subject_too_long");
        }

        if (draft.FollowUps.Count != FollowUps)
        {
            violations.Add("follow_ups_not_two");
        }

        string[] bodies = [draft.Body, .. draft.FollowUps];
        for (int i = 0; i < bodies.Length; i++)
        {
            string name = i == 0 ? "email" : $"follow_up_{i}";
            if (string.IsNullOrWhiteSpace(bodies[i]))
            {
                violations.Add($"{name}_empty");
                continue;
            }

            if (WordCount(bodies[i]) > MaxWords)
            {
                violations.Add($"{name}_over_{MaxWords}_words");
            }

            if (!HasOptOutLine(bodies[i]))
            {
                violations.Add($"{name}_missing_opt_out");
            }
        }

        return violations;
    }

    /// <summary>True when a body carries an opt-out instruction that the opt-out detector itself would act on.</summary>
    public static bool HasOptOutLine(string body) =>
        body.Contains(Data.OptOutLineAr, StringComparison.Ordinal) || body.Contains(Data.OptOutLineEn, StringComparison.Ordinal)
        || (OptOutDetector.Default.Detect(body).IsOptOut && (body.Contains("إلغاء", StringComparison.Ordinal)
            || body.Contains("stop", StringComparison.OrdinalIgnoreCase) || body.Contains("unsubscribe", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The §10.1 score: sector fit 25, signals 25, size 20, contactability 20/8, city 10/5.</summary>
    public static int Score(TargetCandidate c) =>
        Math.Clamp(Math.Clamp(c.SectorFit, 0, 25) + Math.Clamp(c.SignalStrength, 0, 25) + Math.Clamp(c.SizeFit, 0, 20)
            + (c.Contactability == Contactability.Safe ? 20 : c.Contactability == Contactability.NeedsReview ? 8 : 0)
            + (PriorityCities.Contains(c.City.Trim()) ? 10 : 5), 0, 100);

    /// <summary>Daily targeting: the top 50 eligible candidates by score, ties by the most recent signal; never padded.</summary>
    public static IReadOnlyList<ScoredTarget> SelectDaily(IEnumerable<TargetCandidate> candidates, DateTime nowUtc) =>
        [.. candidates
            .Where(c => c.Contactability != Contactability.Blocked)
            .Where(c => c.LastContactedAt is null || c.LastContactedAt < nowUtc.AddDays(-90))
            .Where(c => Data.Sectors.Contains(c.Sector))
            .Select(c => new ScoredTarget(c, Score(c)))
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.Candidate.LastSignalAt)
            .ThenBy(t => t.Candidate.CompanyId, StringComparer.Ordinal)
            .Take(DailyTarget)];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmailPattern();

    private sealed record RulesFile(List<string> FreeEmailDomains, List<string> LawfulSources, string OptOutLineAr, string OptOutLineEn,
        List<string> Sectors, List<string> PriorityCities);
}
