using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Ports;

namespace Dealix.Functions.Infrastructure.SelfImprovement;

/// <summary>
/// The <c>Campaigns</c> table: partition = tenant, row = campaign id. Amounts are stored as invariant decimal strings
/// (exact); a budget change is an ETag-conditional update, so a change proposed against an older budget never lands.
/// </summary>
public sealed class TableCampaignStore(DealTables tables) : ICampaignStore
{
    private const string Table = "Campaigns";

    public async Task<IReadOnlyList<Campaign>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var rows = new List<Campaign>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }

        return rows;
    }

    public async Task<Campaign?> GetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, campaignId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task UpsertAsync(Campaign campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        TableClient table = await tables.GetAsync(Table);
        await table.UpsertEntityAsync(ToEntity(campaign), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> SetBudgetAsync(
        string tenantId, string campaignId, decimal expectedFrom, decimal to, DateTime at, string? autoPeriod = null, CancellationToken cancellationToken = default) =>
        await UpdateAsync(tenantId, campaignId, c => Orchestrations.SelfImprovement.Rules.CampaignBudget.Change(c, expectedFrom, to, at, autoPeriod), cancellationToken);

    public async Task<bool> PauseAdsAsync(string tenantId, string campaignId, DateTime at, CancellationToken cancellationToken = default) =>
        await UpdateAsync(tenantId, campaignId, c => c.AdsPaused ? null : c with { AdsPaused = true, UpdatedAt = at }, cancellationToken);

    public async Task<bool> ResumeAdsAsync(string tenantId, string campaignId, DateTime at, CancellationToken cancellationToken = default) =>
        await UpdateAsync(tenantId, campaignId, c => c.AdsPaused ? c with { AdsPaused = false, UpdatedAt = at } : c, cancellationToken);

    /// <summary>Applies <paramref name="change"/> (null: already done, true; the same campaign back: refused, false) with the row's ETag, retrying on a lost race.</summary>
    private async Task<bool> UpdateAsync(string tenantId, string campaignId, Func<Campaign, Campaign?> change, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(Table);
        for (int attempt = 0; attempt < 5; attempt++)
        {
            NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, campaignId, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return false;
            }

            Campaign current = FromEntity(row.Value!);
            Campaign? next = change(current);
            if (next is null)
            {
                return true;
            }

            if (ReferenceEquals(next, current))
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
                // changed meanwhile: read again
            }
        }

        return false;
    }

    private static TableEntity ToEntity(Campaign c) => new(c.TenantId, c.CampaignId)
    {
        ["Name"] = c.Name,
        ["Budget"] = Text(c.Budget),
        ["TargetCpa"] = Text(c.TargetCpa),
        ["Cpa7d"] = Text(c.Cpa7d),
        ["Conversions7d"] = c.Conversions7d,
        ["Active"] = c.Active,
        ["AdsPaused"] = c.AdsPaused,
        ["UpdatedAt"] = DateTime.SpecifyKind(c.UpdatedAt, DateTimeKind.Utc),
        ["AutoChangedPeriod"] = c.AutoChangedPeriod,
    };

    private static Campaign FromEntity(TableEntity e) => new(e.PartitionKey, e.RowKey, e.GetString("Name") ?? string.Empty, Number(e, "Budget"), Number(e, "TargetCpa"),
        Number(e, "Cpa7d"), e.GetInt32("Conversions7d") ?? 0, e.GetBoolean("Active") ?? false, e.GetBoolean("AdsPaused") ?? false,
        e.GetDateTimeOffset("UpdatedAt")?.UtcDateTime ?? DateTime.MinValue, e.GetString("AutoChangedPeriod"));

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Number(TableEntity e, string name) =>
        decimal.Parse(e.GetString(name) ?? "0", System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
}
