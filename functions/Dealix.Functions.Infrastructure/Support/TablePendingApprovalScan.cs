using System.Text.Json;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Support.Ports;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>Reads every tenant's pending drafts from the deal area's <c>Drafts</c> table (its <c>Status</c> column),
/// for the approval-SLA sweep.</summary>
public sealed class TablePendingApprovalScan(DealTables tables) : IPendingApprovalScan
{
    public async Task<IReadOnlyList<ReplyDraft>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("Drafts");
        string status = TableDraftStore.Wire(DraftStatus.PendingApproval);
        var drafts = new List<ReplyDraft>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Status eq {status}"), cancellationToken: cancellationToken))
        {
            drafts.Add(JsonSerializer.Deserialize<ReplyDraft>(row.GetString("Data"), StoredJson.Options)!);
        }

        return drafts;
    }
}
