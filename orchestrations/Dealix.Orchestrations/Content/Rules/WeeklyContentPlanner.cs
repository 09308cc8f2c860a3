using System.Globalization;
using Dealix.Orchestrations.Content.Contracts;

namespace Dealix.Orchestrations.Content.Rules;

/// <summary>
/// Chooses the five posts of a week (§17.3) from <see cref="ContentTemplates"/>, deterministically for the tenant's
/// facts and the week:
/// <list type="number">
/// <item>slots 1–4 are the four topics; slot 5 is the topic competitors covered least in the eight weeks before (our
/// opening), ties broken towards ZATCA when ticket keywords mention invoicing, then by a rotation of the week (the next
/// topic when that one has no fitting template left);</item>
/// <item>per slot, the topic's templates are ranked: the angle of the week's leading reply intent first, then a
/// <c>{focus}</c> template (filled with that intent's phrase), then the angle of an earlier post marked top, then a
/// rotation that depends on the week only;</item>
/// <item>one already chosen this week, a text equal to one of our posts of the two weeks before, and any text the gate
/// refuses (<see cref="ContentPostGate"/>, which also refuses repeating a competitor's title) are skipped; a template
/// used in the four weeks before is taken only when no other fits, the least recently used first.</item>
/// </list>
/// Pure.
/// </summary>
public static class WeeklyContentPlanner
{
    /// <summary>Posts per week.</summary>
    public const int PostsPerWeek = 5;

    /// <summary>A template is not reused within this many weeks before while another fits.</summary>
    public const int RecentWeeks = 4;

    /// <summary>A post never repeats the text of one of ours of this many weeks before.</summary>
    public const int NoRepeatWeeks = 2;

    private static readonly string[] InvoiceWords = ["فاتور", "زكاة", "ضريب", "zatca", "invoice", "vat", "tax"];

    /// <summary>The week's posts (fewer than five only when no template of a topic passes the gate).</summary>
    public static IReadOnlyList<PlannedPost> Plan(string week, ContentFacts facts)
    {
        ArgumentException.ThrowIfNullOrEmpty(week);
        ArgumentNullException.ThrowIfNull(facts);
        int rotation = Rotation(week);
        string[] titles = [.. facts.Competitors.Select(c => c.Title)];
        (string Intent, int Count)? lead = facts.ReplyIntents
            .Where(i => i.Value > 0 && (ContentTemplates.Focus(i.Key) is not null || ContentTemplates.All.Any(t => t.Angle == i.Key)))
            .OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => ((string, int)?)(i.Key, i.Value)).FirstOrDefault();
        string? focus = lead is { } l ? ContentTemplates.Focus(l.Intent) : null;
        ContentEntry? topPost = facts.OwnPosts.Where(p => p.Top).OrderByDescending(p => p.Week, StringComparer.Ordinal).ThenBy(p => p.Slot).FirstOrDefault();
        string? topAngle = topPost is null ? null : ContentTemplates.All.FirstOrDefault(t => t.Id == topPost.TemplateId)?.Angle;
        var lastUsed = facts.OwnPosts.GroupBy(p => p.TemplateId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Week).OrderDescending(StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var recentTexts = facts.OwnPosts.Where(p => string.CompareOrdinal(p.Week, week) < 0 && WeeksBetween(p.Week, week) <= NoRepeatWeeks)
            .Select(p => Normalised(p.Text)).ToHashSet(StringComparer.Ordinal);
        string? campaign = facts.TopCampaigns.Count > 0 ? facts.TopCampaigns[0] : null;

        var posts = new List<PlannedPost>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        // Slots 1-4: one topic each; slot 5: the topics in the order of FifthTopics, the first that still has a fitting template.
        string[][] slots = [.. ContentTopics.All.Select(t => new[] { t }), [.. FifthTopics(facts, rotation)]];
        for (int slot = 1; slot <= slots.Length; slot++)
        {
            foreach (string topic in slots[slot - 1])
            {
                if (Choose(topic, slot) is { } post)
                {
                    posts.Add(post);
                    break;
                }
            }
        }

        return posts;

        PlannedPost? Choose(string topic, int slot)
        {
            ContentTemplate[] ranked = [.. ContentTemplates.All
                .Select((t, index) => (Template: t, Index: index))
                .Where(x => x.Template.Topic == topic && (focus is not null || !x.Template.NeedsFocus))
                .OrderBy(x => Rank(x.Template, lead?.Intent, focus, topAngle))
                .ThenBy(x => (x.Index + rotation) % ContentTemplates.All.Count)
                .Select(x => x.Template)];
            bool Fits(ContentTemplate t) => !taken.Contains(t.Id)
                && !recentTexts.Contains(Normalised(Fill(t, focus)))
                && ContentPostGate.Check(Fill(t, focus), titles).Passed;
            ContentTemplate? chosen = ranked.FirstOrDefault(t => Fits(t) && !IsRecent(t, lastUsed, week))
                ?? ranked.Where(Fits).OrderBy(t => lastUsed.GetValueOrDefault(t.Id, string.Empty), StringComparer.Ordinal).FirstOrDefault();
            if (chosen is null)
            {
                return null;
            }

            taken.Add(chosen.Id);
            return new PlannedPost(slot, topic, chosen.Id, Fill(chosen, focus), Inspiration(chosen, lead, topPost, topAngle, campaign, slot == slots.Length));
        }
    }

    /// <summary>The topics for the fifth post, best first: the one competitors covered least (our opening) leads.</summary>
    public static IReadOnlyList<string> FifthTopics(ContentFacts facts, int rotation)
    {
        ArgumentNullException.ThrowIfNull(facts);
        bool invoicing = facts.TicketKeywords.Keys.Any(k => InvoiceWords.Any(w => k.Contains(w, StringComparison.OrdinalIgnoreCase)));
        return [.. ContentTopics.All
            .Select((topic, index) => (Topic: topic, Index: index))
            .OrderBy(x => facts.Competitors.Count(c => c.Topics.Contains(x.Topic, StringComparer.Ordinal)))
            .ThenBy(x => invoicing && x.Topic == ContentTopics.Zatca ? 0 : 1)
            .ThenBy(x => (x.Index + rotation) % ContentTopics.All.Count)
            .Select(x => x.Topic)];
    }

    /// <summary>A number that depends on the week only (FNV-1a of its key), so a week's choice is stable.</summary>
    public static int Rotation(string week)
    {
        ArgumentNullException.ThrowIfNull(week);
        uint hash = 2166136261;
        foreach (char c in week)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % 9973);
    }

    private static int Rank(ContentTemplate t, string? intent, string? focus, string? topAngle) =>
        intent is not null && t.Angle == intent ? 0
        : focus is not null && t.NeedsFocus ? 1
        : topAngle is not null && t.Angle == topAngle ? 2
        : 3;

    private static bool IsRecent(ContentTemplate t, Dictionary<string, string> lastUsed, string week) =>
        lastUsed.TryGetValue(t.Id, out string? used) && string.CompareOrdinal(used, week) < 0 && WeeksBetween(used, week) <= RecentWeeks;

    private static int WeeksBetween(string earlier, string later)
    {
        if (Reports.Rules.ReportWindows.ParseWeek(earlier) is not { } a || Reports.Rules.ReportWindows.ParseWeek(later) is not { } b)
        {
            return int.MaxValue;
        }

        return (b.DayNumber - a.DayNumber) / 7;
    }

    private static string Fill(ContentTemplate t, string? focus) => focus is null ? t.Text : t.Text.Replace(ContentTemplate.FocusSlot, focus, StringComparison.Ordinal);

    private static string Normalised(string text) => string.Join(' ', ContentPostGate.Words(text));

    private static string Inspiration(ContentTemplate t, (string Intent, int Count)? lead, ContentEntry? topPost, string? topAngle, string? campaign, bool fifth)
    {
        var why = new List<string>();
        if (lead is { } l && (t.Angle == l.Intent || t.NeedsFocus))
        {
            why.Add(string.Create(CultureInfo.InvariantCulture, $"leading reply intent {l.Intent} ({l.Count} in the 7 days before)"));
        }

        if (topAngle is not null && t.Angle == topAngle && topPost is not null)
        {
            why.Add($"angle of top post {topPost.EntryId}");
        }

        if (t.Topic == ContentTopics.Marketing && campaign is not null)
        {
            why.Add($"best campaign: {campaign}");
        }

        if (fifth)
        {
            why.Add("topic competitors covered least");
        }

        return why.Count == 0 ? "rotation of the week (no leading fact)" : string.Join("; ", why);
    }
}
