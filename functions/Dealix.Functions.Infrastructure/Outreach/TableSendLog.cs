using System.Globalization;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Ports;

namespace Dealix.Functions.Infrastructure.Outreach;

/// <summary>
/// Sent messages per tenant, channel and AST day in the <c>SendLog</c> table: partition = tenant, row =
/// <c>{yyyyMMdd}|{channel}|{draftId}</c>, so recording a draft twice keeps one row and a day's count is a range query.
/// </summary>
public sealed class TableSendLog(DealTables tables) : ISendLog
{
    private const string Table = "SendLog";

    public async Task RecordAsync(string tenantId, MessageChannel channel, DateOnly astDay, string draftId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        await table.UpsertEntityAsync(new TableEntity(tenantId, $"{Prefix(channel, astDay)}{draftId}"), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<int> CountAsync(string tenantId, MessageChannel channel, DateOnly astDay, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        string prefix = Prefix(channel, astDay);
        string end = prefix[..^1] + (char)(prefix[^1] + 1);
        int count = 0;
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {prefix} and RowKey lt {end}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static string Prefix(MessageChannel channel, DateOnly astDay) =>
        $"{astDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}|{TableDraftStore.Wire(channel)}|";
}
