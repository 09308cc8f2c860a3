using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.SelfImprovement.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Rules;

/// <summary>
/// The product loop's daily run (DOMAIN.md §17.2) over the facts the app has for the window (project choice: the app's
/// own stores stand in for the error tracker and analytics):
/// <list type="bullet">
/// <item><c>critical_bug</c>: each SEV1/SEV2 incident detected in the window (severity 4);</item>
/// <item><c>bug</c>: ledger lines of the window whose outcome is <c>failed</c>, <c>error</c> or <c>send_unknown</c>,
/// one per action (affected = lines, severity 2);</item>
/// <item><c>feature_request</c>: a support keyword on 2 or more tickets opened in the window (recurring problem;
/// affected = tickets, severity 1);</item>
/// <item><c>ux_friction</c>: more than 20 % of at least 5 approval decisions in the window were rejections (§4.7 red
/// flag; affected = rejections, severity 1).</item>
/// </list>
/// Score = impact (affected × severity) × strategic fit ÷ effort hours (critical 8 h / fit 3, bug 4 h / 2, feature 16 h /
/// 2, friction 6 h / 1), rounded to 2 decimals; the top 5 by score (then key) are acted on: a critical bug is a P0 issue,
/// a feature request on 3 or more tickets a P1 <c>ai-suggested</c> issue, everything else a <c>minor_fix</c> draft
/// labelled <c>ai-generated</c> for review. Pure.
/// </summary>
public static class ProductRules
{
    public const string Loop = "product";
    public const int TopN = 5;

    private static readonly string[] FailureOutcomes = ["failed", "error", "send_unknown"];

    /// <summary>The top findings of <paramref name="facts"/> within [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static IReadOnlyList<ProductFinding> Findings(ReportFacts facts, DateTime from, DateTime to)
    {
        ArgumentNullException.ThrowIfNull(facts);
        bool In(DateTime at) => at >= from && at < to;
        var found = new List<ProductFinding>();
        foreach (IncidentFact i in facts.Incidents.Where(i => i.Severity is IncidentSeverity.SEV1 or IncidentSeverity.SEV2 && In(i.DetectedAt)))
        {
            found.Add(Make("critical_bug", $"incident-{i.IncidentId}", $"Incident {i.IncidentId} ({i.Severity}) in production", 1, 4));
        }

        foreach (IGrouping<string, AuditEntry> g in facts.Ledger.Where(e => In(e.At) && e.Outcome is { } o && FailureOutcomes.Contains(o)).GroupBy(e => e.Action))
        {
            found.Add(Make("bug", $"failure-{g.Key}", $"{g.Count()} failed {g.Key} actions", g.Count(), 2));
        }

        foreach (IGrouping<string, TicketFact> g in facts.Tickets.Where(t => In(t.OpenedAt) && t.MatchedKeywords.Count > 0)
            .GroupBy(t => t.MatchedKeywords[0], StringComparer.OrdinalIgnoreCase).Where(g => g.Count() >= 2))
        {
            found.Add(Make("feature_request", $"tickets-{g.Key.ToLowerInvariant()}", $"{g.Count()} tickets about \"{g.Key}\"", g.Count(), 1));
        }

        DraftFact[] decided = [.. facts.Drafts.Where(d => d.DecidedAt is { } at && In(at) && d.Status is not (DraftStatus.PendingApproval or DraftStatus.Expired or DraftStatus.Cancelled))];
        int rejected = decided.Count(d => d.Status == DraftStatus.Rejected);
        if (decided.Length >= 5 && rejected * 5 > decided.Length)
        {
            found.Add(Make("ux_friction", "approval-rejections", $"{rejected} of {decided.Length} approval decisions were rejections (> 20 %)", rejected, 1));
        }

        return [.. found.OrderByDescending(f => f.Score).ThenBy(f => f.Key, StringComparer.Ordinal).Take(TopN)];
    }

    private static ProductFinding Make(string category, string key, string title, int affected, int severity)
    {
        (int effort, int strategic) = category switch
        {
            "critical_bug" => (8, 3),
            "bug" => (4, 2),
            "feature_request" => (16, 2),
            _ => (6, 1),
        };
        decimal score = Math.Round((decimal)affected * severity * strategic / effort, 2);
        (string action, string priority, string label) = category switch
        {
            "critical_bug" => ("critical_bug", "P0", "ai-suggested"),
            "feature_request" when affected >= 3 => ("high_priority_feature", "P1", "ai-suggested"),
            _ => ("minor_fix", "P2", "ai-generated"),
        };
        return new ProductFinding(category, key, title, affected, severity, effort, strategic, score, action, priority, label);
    }
}
