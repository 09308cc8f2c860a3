using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Ports;

namespace Dealix.Functions.Infrastructure.Content;

/// <summary>
/// The <c>ContentCalendar</c> table: partition = tenant, row = entry id <c>{yyyyWww}-{slot}</c> (so a week is one row
/// range). An entry is added only if absent (a re-run of a week adds nothing and never overwrites a reviewed entry) and
/// changed with the row's ETag (a review that lost a race to another one is refused, not merged).
/// </summary>
public sealed class TableContentCalendarStore(DealTables tables) : IContentCalendarStore
{
    private const string Table = "ContentCalendar";

    public async Task<bool> AddIfAbsentAsync(ContentEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(ToEntity(entry), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<ContentEntry?> GetAsync(string tenantId, string entryId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, entryId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<ContentEntry>> ListAsync(string tenantId, string fromWeek, string toWeek, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        string upper = toWeek + "-~"; // '~' sorts after every slot digit
        var rows = new List<ContentEntry>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {fromWeek} and RowKey lt {upper}"), cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }

        return [.. rows.OrderBy(r => r.Week, StringComparer.Ordinal).ThenBy(r => r.Slot)];
    }

    public async Task<IReadOnlyList<ContentEntry>> ListTopAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var rows = new List<ContentEntry>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and Top eq {true}"), cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }

        return [.. rows.OrderBy(r => r.Week, StringComparer.Ordinal).ThenBy(r => r.Slot)];
    }

    public async Task<bool> ReplaceAsync(ContentEntry expected, ContentEntry next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(next);
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(expected.TenantId, expected.EntryId, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }

        ContentEntry current = FromEntity(row.Value!);
        if (current.UpdatedAt != expected.UpdatedAt || current.Status != expected.Status || current.Text != expected.Text || current.Top != expected.Top)
        {
            return false;
        }

        try
        {
            await table.UpdateEntityAsync(ToEntity(next), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(ContentEntry e) => new(e.TenantId, e.EntryId)
    {
        ["Week"] = e.Week,
        ["Slot"] = e.Slot,
        ["Topic"] = e.Topic,
        ["TemplateId"] = e.TemplateId,
        ["Text"] = e.Text,
        ["Status"] = e.Status,
        ["Inspiration"] = e.Inspiration,
        ["CreatedAt"] = DateTime.SpecifyKind(e.CreatedAt, DateTimeKind.Utc),
        ["UpdatedAt"] = DateTime.SpecifyKind(e.UpdatedAt, DateTimeKind.Utc),
        ["ReviewedBy"] = e.ReviewedBy,
        ["Note"] = e.Note,
        ["Top"] = e.Top,
        ["Warnings"] = JsonSerializer.Serialize(e.Warnings ?? []),
    };

    private static ContentEntry FromEntity(TableEntity e) => new(
        e.PartitionKey, e.RowKey, e.GetString("Week") ?? string.Empty, e.GetInt32("Slot") ?? 0, e.GetString("Topic") ?? string.Empty,
        e.GetString("TemplateId") ?? string.Empty, e.GetString("Text") ?? string.Empty, e.GetString("Status") ?? string.Empty, e.GetString("Inspiration") ?? string.Empty,
        e.GetDateTimeOffset("CreatedAt")?.UtcDateTime ?? DateTime.MinValue, e.GetDateTimeOffset("UpdatedAt")?.UtcDateTime ?? DateTime.MinValue,
        e.GetString("ReviewedBy"), e.GetString("Note"), e.GetBoolean("Top") ?? false,
        JsonSerializer.Deserialize<string[]>(e.GetString("Warnings") ?? "[]") ?? []);
}
