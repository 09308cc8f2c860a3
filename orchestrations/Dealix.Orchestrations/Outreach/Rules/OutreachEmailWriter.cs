using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Outreach.Contracts;

namespace Dealix.Orchestrations.Outreach.Rules;

/// <summary>
/// Writes the §10.2 outbound sequence for one prospect in Saudi/Khaliji Arabic: a subject (≤ 60 characters), a first
/// e-mail with a signal-aware opening line (HubSpot or WhatsApp detected) and the sector's pain from §10.1, two
/// follow-ups, a call script and a LinkedIn message (≤ 300 characters, always sent by hand); every e-mail ends with the
/// opt-out line. <c>variant</c> 0 is the fullest; a regeneration after a hard gate failure takes the next, shorter one.
/// Texts in <c>Outreach/Data/outreach-templates.json</c>. Pure.
/// </summary>
public static class OutreachEmailWriter
{
    /// <summary>Characters allowed in a LinkedIn message.</summary>
    public const int MaxLinkedInLength = 300;

    private static readonly TemplateFile Data = EmbeddedData.ReadJson<TemplateFile>("Outreach.Data.outreach-templates.json");

    /// <summary>How many variants there are.</summary>
    public static int Variants => Data.Bodies.Count;

    /// <summary>The sequence for <paramref name="prospect"/> in variant <paramref name="variant"/> (clamped).</summary>
    public static OutreachSequence Compose(Prospect prospect, int variant)
    {
        ArgumentNullException.ThrowIfNull(prospect);
        SectorText sector = Data.Sectors.TryGetValue(prospect.Sector, out SectorText? s) ? s : new SectorText(prospect.Sector, string.Empty);
        string name = prospect.ContactName?.Trim() ?? string.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["greeting"] = name.Length > 0 ? Data.GreetingNamed.Replace("{contact_name}", name, StringComparison.Ordinal) : Data.Greeting,
            ["opener"] = prospect.UsesHubSpot ? Data.Openers["hubspot"] : prospect.UsesWhatsApp ? Data.Openers["whatsapp"] : string.Empty,
            ["company"] = prospect.CompanyName.Trim(),
            ["sector_ar"] = sector.Ar,
            ["pain"] = sector.Pain,
            ["contact_name"] = name,
        };

        string optOut = OutreachRules.OptOutLineArabic;
        IReadOnlyList<string> parts = Data.Bodies[Math.Clamp(variant, 0, Data.Bodies.Count - 1)];
        string body = Join([.. parts.Select(p => Fill(p, values)), optOut]);
        string subject = Data.Subjects.Select(t => Fill(t, values)).FirstOrDefault(t => t.Length <= OutreachRules.MaxSubjectLength)
            ?? Fill(Data.Subjects[^1], values);
        string[] followUps = [.. Data.FollowUps.Select(f => Join([Fill(f, values), optOut]))];
        string linkedIn = Fill(name.Length > 0 ? Data.LinkedIn : Data.LinkedIn.Replace(" {contact_name}", string.Empty, StringComparison.Ordinal), values);
        return new OutreachSequence(
            new EmailDraft(subject, body, followUps),
            Fill(Data.CallScript, values),
            linkedIn.Length <= MaxLinkedInLength ? linkedIn : linkedIn[..MaxLinkedInLength]);
    }

    private static string Fill(string template, Dictionary<string, string> values)
    {
        string text = template;
        foreach ((string key, string value) in values)
        {
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Join(IEnumerable<string> parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));

    private sealed record TemplateFile(
        Dictionary<string, SectorText> Sectors, string GreetingNamed, string Greeting, Dictionary<string, string> Openers,
        List<string> Subjects, List<List<string>> Bodies, List<string> FollowUps, string CallScript, string LinkedIn);

    private sealed record SectorText(string Ar, string Pain);
}
