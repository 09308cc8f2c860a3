using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Ports;

namespace Dealix.Functions.Infrastructure.Content;

/// <summary>
/// The <c>CompetitorContent</c> table: partition = tenant, row = SHA-256 of the URL (one row per URL: a monitor that
/// reports an item again adds nothing and changes nothing).
/// </summary>
public sealed class TableCompetitorContentStore(DealTables tables) : ICompetitorContentStore
{
    private const string Table = "CompetitorContent";

    public async Task<bool> AddIfAbsentAsync(CompetitorItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(new TableEntity(item.TenantId, DealTables.HashKey(item.Url))
            {
                ["Competitor"] = item.Competitor,
                ["Url"] = item.Url,
                ["Title"] = item.Title,
                ["PublishedAt"] = DateTime.SpecifyKind(item.PublishedAt, DateTimeKind.Utc),
                ["Topics"] = JsonSerializer.Serialize(item.Topics),
                ["ReceivedAt"] = DateTime.SpecifyKind(item.ReceivedAt, DateTimeKind.Utc),
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<CompetitorItem>> ListAsync(string tenantId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        DateTime start = DateTime.SpecifyKind(from, DateTimeKind.Utc), end = DateTime.SpecifyKind(to, DateTimeKind.Utc);
        var rows = new List<CompetitorItem>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and PublishedAt ge {start} and PublishedAt lt {end}"), cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }

        return [.. rows.OrderBy(r => r.PublishedAt).ThenBy(r => r.Url, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> CompetitorNamesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), select: ["Competitor"],
            cancellationToken: cancellationToken))
        {
            if (row.GetString("Competitor") is { Length: > 0 } name)
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    private static CompetitorItem FromEntity(TableEntity e) => new(
        e.PartitionKey, e.GetString("Competitor") ?? string.Empty, e.GetString("Url") ?? string.Empty, e.GetString("Title") ?? string.Empty,
        e.GetDateTimeOffset("PublishedAt")?.UtcDateTime ?? DateTime.MinValue, JsonSerializer.Deserialize<string[]>(e.GetString("Topics") ?? "[]") ?? [],
        e.GetDateTimeOffset("ReceivedAt")?.UtcDateTime ?? DateTime.MinValue);
}
