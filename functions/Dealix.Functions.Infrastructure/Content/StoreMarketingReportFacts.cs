using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Ports;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Ports;

namespace Dealix.Functions.Infrastructure.Content;

/// <summary>
/// Reads the <see cref="MarketingFacts"/> of a report window: competitors' items published in it, our calendar entries
/// of the weeks it touches, and from the deal threads (<c>DealMessages</c>, partition = tenant) the inbound messages
/// received in it and, per competitor name the tenant's monitor reported, how many of them name it (a whole-word,
/// case-insensitive match; counts only: no text leaves this class).
/// </summary>
public sealed class StoreMarketingReportFacts(ICompetitorContentStore competitors, IContentCalendarStore calendar, DealTables tables) : IMarketingReportFacts
{
    private const string ThreadTable = "DealMessages";

    public async Task<MarketingFacts> ReadAsync(string tenant, ReportWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        IReadOnlyList<CompetitorItem> items = await competitors.ListAsync(tenant, window.Start, window.End, cancellationToken);
        DateOnly first = DateOnly.FromDateTime(window.Start.AddHours(3)), last = DateOnly.FromDateTime(window.End.AddHours(3)).AddDays(-1);
        IReadOnlyList<ContentEntry> posts = await calendar.ListAsync(tenant, ContentWeeks.Key(first), ContentWeeks.Key(last), cancellationToken);

        string[] names = [.. (await competitors.CompetitorNamesAsync(tenant, cancellationToken))];
        var mentions = names.ToDictionary(n => n, _ => 0, StringComparer.OrdinalIgnoreCase);
        int inbound = 0;
        TableClient table = await tables.GetAsync(ThreadTable);
        DateTime start = DateTime.SpecifyKind(window.Start, DateTimeKind.Utc), end = DateTime.SpecifyKind(window.End, DateTimeKind.Utc);
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and At ge {start} and At lt {end}"),
            select: ["Text"], cancellationToken: cancellationToken))
        {
            inbound++;
            string[] words = ContentPostGate.Words(row.GetString("Text"));
            foreach (string name in names)
            {
                string[] nameWords = ContentPostGate.Words(name);
                if (nameWords.Length > 0 && Mentions(words, nameWords))
                {
                    mentions[name]++;
                }
            }
        }

        return new MarketingFacts(items, posts, inbound, mentions);
    }

    private static bool Mentions(string[] words, string[] name)
    {
        for (int i = 0; i + name.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, name.Length).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }
}
