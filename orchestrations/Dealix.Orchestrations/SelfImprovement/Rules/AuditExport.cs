using System.Globalization;
using System.Text;
using System.Text.Json;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Rules;

/// <summary>
/// The daily audit export of DOMAIN.md §17.7: the ledger lines of one UTC day (the date of their timestamp), in time
/// order, as JSON lines with the stated fields (<c>timestamp</c>, <c>action</c>, <c>campaign_id</c>, <c>from</c>,
/// <c>to</c>, <c>reason</c>, <c>auto_approved</c>, <c>human_reviewer</c>, <c>reverted</c>) and the added ones
/// (<c>audit_id</c>, <c>loop</c>, <c>correlation_id</c>, <c>entity_type</c>, <c>entity_id</c>, plus <c>outcome</c>),
/// or the same as CSV, and <c>reverts_audit_id</c> on a <c>revert</c> line (which carries the campaign, loop and entity of the line it
/// reverts). A line is <c>reverted</c> when a <c>revert</c> line names it (<see cref="AutoActions.RevertedIds"/>). Deterministic:
/// the same lines give the same bytes, so a re-run rewrites the same file. Pure.
/// </summary>
public static class AuditExport
{
    private static readonly string[] Columns =
        ["timestamp", "action", "campaign_id", "from", "to", "reason", "auto_approved", "human_reviewer", "reverted", "audit_id", "loop", "correlation_id", "entity_type", "entity_id", "outcome", "reverts_audit_id"];

    private static readonly HashSet<string> CampaignActions = new(StringComparer.Ordinal)
    {
        MarketingRules.IncreaseBudget, MarketingRules.ReduceBudget, MarketingRules.PauseFailingAds,
    };

    /// <summary>The lines of <paramref name="day"/> (UTC) among <paramref name="ledger"/>, as rows of the columns.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Rows(IEnumerable<AuditEntry> ledger, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        AuditEntry[] all = [.. ledger];
        IReadOnlySet<string> reverted = AutoActions.RevertedIds(all);
        var byId = all.GroupBy(e => e.EntryId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. all.Where(e => DateOnly.FromDateTime(e.At) == day).OrderBy(e => e.At).ThenBy(e => e.EntryId, StringComparer.Ordinal).Select(e =>
        {
            // A revert line describes the same campaign as the line it reverts.
            AuditEntry subject = e.RevertsAuditId is { } id && byId.TryGetValue(id, out AuditEntry? original) ? original : e;
            bool campaign = CampaignActions.Contains(subject.Action);
            return (IReadOnlyList<object?>)
            [
                e.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.Action,
                campaign ? e.Target : null,
                Number(e.From),
                Number(e.To),
                e.Reason,
                e.AutoApproved,
                e.Actor == "automation" ? null : e.Actor,
                reverted.Contains(e.EntryId),
                e.EntryId,
                campaign || IsContent(subject) ? MarketingRules.Loop : IsOperations(subject) ? OperationsLoop.Rules.OperationsChecks.Loop : null,
                e.CorrelationId,
                campaign ? "campaign" : IsContent(subject) ? "content_post" : IsOperations(subject) ? "operations_check" : e.ApprovalId is not null ? "approval" : "deal",
                e.Target,
                e.Outcome,
                e.RevertsAuditId,
            ];
        })];
    }

    /// <summary>A line of the weekly content run or of a review of its posts (§17.3, marketing loop).</summary>
    private static bool IsContent(AuditEntry e) => e.Action is Content.Activities.SuggestWeeklyContent.Action or "content_approved" or "content_rejected" or "content_edited";

    /// <summary>A line of the operations loop (§17.4): its actions are named <c>ops_…</c>.</summary>
    private static bool IsOperations(AuditEntry e) => e.Action.StartsWith("ops_", StringComparison.Ordinal);

    /// <summary>JSON lines, one object per row, each ending in a newline.</summary>
    public static string JsonLines(IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (IReadOnlyList<object?> row in rows)
        {
            var line = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (int i = 0; i < Columns.Length; i++)
            {
                line[Columns[i]] = row[i];
            }

            text.Append(JsonSerializer.Serialize(line)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>CSV (RFC 4180) with a header row.</summary>
    public static string Csv(IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(string.Join(',', Columns)).Append("\r\n");
        foreach (IReadOnlyList<object?> row in rows)
        {
            text.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Cell(object? value)
    {
        string s = value switch
        {
            null => string.Empty,
            bool b => b ? "true" : "false",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private static decimal? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d) ? d : null;
}
