using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>
/// The default <see cref="IIncidentTrigger"/>: records "incident requested" for a P0 ticket in the
/// <c>IncidentRequests</c> table (partition = tenant, row = ticket id), once. The incident area replaces this
/// registration with one that starts its orchestration.
/// </summary>
public sealed class TableIncidentTrigger(DealTables tables) : IIncidentTrigger
{
    public async Task<bool> RequestAsync(IncidentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        TableClient table = await tables.GetAsync("IncidentRequests");
        try
        {
            await table.AddEntityAsync(new TableEntity(request.TenantId, request.TicketId)
            {
                ["Status"] = "requested",
                ["CorrelationId"] = request.CorrelationId,
                ["Data"] = JsonSerializer.Serialize(request, StoredJson.Options),
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Requested before for this ticket.
        }

        return true;
    }
}
