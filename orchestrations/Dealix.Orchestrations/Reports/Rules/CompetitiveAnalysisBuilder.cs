using System.Globalization;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="CompetitiveAnalysis"/> of a month (§17.3) from the marketing facts and the ledger:
/// <list type="bullet">
/// <item>competitors' items published in the window, per competitor (names compared case-insensitively, shown as first
/// seen), per topic and per competitor and topic;</item>
/// <item>our posts: calendar entries of the weeks whose Monday falls in the window, except rejected ones, per topic;</item>
/// <item>the gaps: topics in their items and in none of our posts, and the reverse;</item>
/// <item>competitor names in inbound messages, as counted by the facts (not measured when the threads were not read);</item>
/// <item>deals lost: applied <c>stage_transition</c> lines to <c>closed_lost</c> in the window, by reason (the text after
/// the trigger); a loss to a competitor is <c>not measured</c>: no loss reason names one.</item>
/// </list>
/// Pure.
/// </summary>
public static class CompetitiveAnalysisBuilder
{
    /// <summary>Builds the report.</summary>
    public static CompetitiveAnalysis Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        _ = now;
        var notMeasured = new List<NotMeasured>
        {
            new("deals_lost_to_competitor", "The ledger records loss reasons (not_interested, not_a_fit, no_response, deal_lost…), never a competitor."),
            new("competitor_engagement", "Competitors' likes, shares and reach are not reported by the monitor."),
        };
        MarketingFacts? marketing = facts.Marketing;
        if (marketing is null)
        {
            notMeasured.Add(new("competitor_content", "The marketing facts were not read."));
        }

        CompetitorItem[] items = [.. (marketing?.CompetitorItems ?? []).Where(i => window.In(i.PublishedAt))];
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (CompetitorItem item in items.OrderBy(i => i.PublishedAt).ThenBy(i => i.Url, StringComparer.Ordinal))
        {
            names.TryAdd(item.Competitor, item.Competitor);
        }

        IReadOnlyDictionary<string, int> byCompetitor = ReportCounts.By(items.Select(i => names[i.Competitor]));
        IReadOnlyDictionary<string, int> byTopic = ReportCounts.By(items.SelectMany(i => i.Topics.Distinct(StringComparer.Ordinal)));
        var topicsByCompetitor = new SortedDictionary<string, IReadOnlyDictionary<string, int>>(items.GroupBy(i => names[i.Competitor], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ReportCounts.By(g.SelectMany(i => i.Topics.Distinct(StringComparer.Ordinal))), StringComparer.Ordinal), StringComparer.Ordinal);

        ContentEntry[] ours = [.. (marketing?.OwnPosts ?? []).Where(p => p.Status != ContentStatus.Rejected && WeekStart(p.Week) is { } monday && window.In(monday))];
        var ourByTopic = new SortedDictionary<string, int>(ContentTopics.All.ToDictionary(t => t, _ => 0, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (ContentEntry post in ours)
        {
            ourByTopic[post.Topic] = ourByTopic.GetValueOrDefault(post.Topic) + 1;
        }

        string[] theyNotUs = [.. byTopic.Keys.Where(t => ourByTopic.GetValueOrDefault(t) == 0)];
        string[] usNotThey = [.. ourByTopic.Where(t => t.Value > 0 && !byTopic.ContainsKey(t.Key)).Select(t => t.Key)];

        if (marketing?.CompetitorMentions is null)
        {
            notMeasured.Add(new("competitor_mentions_in_inbound", "The deal threads (DealMessages) were not read."));
        }

        AuditEntry[] lost = [.. ReportCounts.Lines(facts, window, "stage_transition").Where(e => e.Outcome == "applied" && e.To == "closed_lost")];
        IReadOnlyDictionary<string, int> lostByReason = ReportCounts.By(lost.Select(e => LossReason(e.Reason)));

        var findings = new List<ReportItem>();
        foreach (string topic in theyNotUs)
        {
            findings.Add(new("topic_gap_ours", byTopic[topic], $"Competitors covered '{topic}' ({byTopic[topic]} items); we posted nothing on it",
                $"المنافسون تناولوا «{topic}» ({byTopic[topic]}) ولم ننشر عنه", "competitor_content"));
        }

        foreach (string topic in usNotThey)
        {
            findings.Add(new("topic_lead_ours", ourByTopic[topic], $"We covered '{topic}' ({ourByTopic[topic]} posts); no competitor did",
                $"تناولنا «{topic}» ({ourByTopic[topic]}) ولم يتناوله المنافسون", "content_calendar"));
        }

        if (marketing?.CompetitorMentions is { } mentions)
        {
            foreach ((string competitor, int count) in mentions.Where(m => m.Value > 0).OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal))
            {
                findings.Add(new("competitor_mentioned", count, $"{competitor} named in {count} inbound messages", $"ذُكر {competitor} في {count} رسائل واردة", "deal_messages"));
            }
        }

        return new CompetitiveAnalysis(items.Length, byCompetitor, byTopic, topicsByCompetitor, ours.Length, ourByTopic, theyNotUs, usNotThey,
            marketing?.InboundMessages, marketing?.CompetitorMentions is { } m2 ? new SortedDictionary<string, int>(m2.ToDictionary(), StringComparer.Ordinal) : null,
            lost.Length, lostByReason, NotMeasured.Text, findings, notMeasured);
    }

    /// <summary>The alert lines; severity is always info (an analysis, not an incident).</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(CompetitiveAnalysis report, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(window);
        string mentions = report.CompetitorMentions is { } m ? m.Values.Sum().ToString(CultureInfo.InvariantCulture) : NotMeasured.Text;
        var lines = new List<string>
        {
            $"Month: {window.Label}",
            string.Create(CultureInfo.InvariantCulture, $"Competitor items: {report.CompetitorItems} from {report.ItemsByCompetitor.Count} competitors; our posts: {report.OurPosts} | محتوى المنافسين: {report.CompetitorItems}، منشوراتنا: {report.OurPosts}"),
            $"Topics they covered, we did not: {List(report.TopicsTheyCoveredWeDidNot)} | مواضيع غطوها ولم نغطها: {List(report.TopicsTheyCoveredWeDidNot)}",
            $"Topics we covered, they did not: {List(report.TopicsWeCoveredTheyDidNot)} | مواضيع غطيناها ولم يغطوها: {List(report.TopicsWeCoveredTheyDidNot)}",
            $"Competitor mentions in inbound messages: {mentions} | ذكر المنافسين في الرسائل الواردة: {(mentions == NotMeasured.Text ? "غير مقاس" : mentions)}",
            string.Create(CultureInfo.InvariantCulture, $"Deals lost: {report.DealsLost}; lost to a competitor: {NotMeasured.Text} | الصفقات الخاسرة: {report.DealsLost}؛ الخسارة لمنافس: غير مقاس"),
        };
        return ("info", lines);
    }

    private static string List(IReadOnlyList<string> topics) => topics.Count == 0 ? "none" : string.Join(", ", topics);

    private static DateTime? WeekStart(string week) => ReportWindows.ParseWeek(week) is { } sunday ? ReportWindows.StartOfDay(sunday.AddDays(-6)) : null;

    private static string LossReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "unspecified";
        }

        int colon = reason.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? reason[(colon + 2)..].Trim() : reason.Trim();
    }
}
