using System.Globalization;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Ports;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;

namespace Dealix.Functions.Infrastructure.Content;

/// <summary>
/// Reads a week's <see cref="ContentFacts"/> from the tenant's stores: the ledger's <c>classify</c> outcomes and the
/// tickets opened in the seven days before the week's Monday (AST), the active campaigns under their target CPA, our
/// calendar entries of the four weeks before plus every entry marked top, and competitors' items published in the
/// eight weeks before. Counts and ids only, except our own posts' texts and competitors' titles (the planner must not
/// repeat them).
/// </summary>
public sealed class StoreContentFacts(IAuditLedger ledger, ITicketStore tickets, ICampaignStore campaigns, IContentCalendarStore calendar, ICompetitorContentStore competitors)
    : IContentFactsSource
{
    private const int MaxTickets = 2000;

    public async Task<ContentFacts> ReadAsync(string tenantId, string week, CancellationToken cancellationToken = default)
    {
        DateOnly monday = ContentWeeks.Monday(week) ?? throw new ArgumentException($"Not a week key: '{week}'.", nameof(week));
        DateTime end = ReportWindows.StartOfDay(monday), start = end.AddDays(-7);
        IReadOnlyList<AuditEntry> lines = await ledger.ListAsync(tenantId, cancellationToken: cancellationToken);
        var intents = lines.Where(e => e.Action == "classify" && e.At >= start && e.At < end && !string.IsNullOrEmpty(e.Outcome))
            .GroupBy(e => e.Outcome!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        IReadOnlyList<SupportTicket> opened = await tickets.ListAsync(tenantId, null, MaxTickets, cancellationToken);
        var keywords = opened.Where(t => t.OpenedAt >= start && t.OpenedAt < end).SelectMany(t => t.MatchedKeywords)
            .GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string[] best = [.. (await campaigns.ListAsync(tenantId, cancellationToken))
            .Where(c => c.Active && c.Cpa7d > 0 && c.Cpa7d < c.TargetCpa)
            .OrderBy(c => c.Cpa7d / c.TargetCpa).ThenBy(c => c.CampaignId, StringComparer.Ordinal).Take(3)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} (CPA {c.Cpa7d} vs target {c.TargetCpa})"))];
        var own = (await calendar.ListAsync(tenantId, ContentWeeks.Shift(week, -4), ContentWeeks.Shift(week, -1), cancellationToken))
            .Concat((await calendar.ListTopAsync(tenantId, cancellationToken)).Where(e => string.CompareOrdinal(e.Week, week) < 0))
            .DistinctBy(e => e.EntryId, StringComparer.Ordinal).ToList();
        IReadOnlyList<CompetitorItem> theirs = await competitors.ListAsync(tenantId, end.AddDays(-56), end, cancellationToken);
        return new ContentFacts(intents, keywords, best, own, theirs);
    }
}
