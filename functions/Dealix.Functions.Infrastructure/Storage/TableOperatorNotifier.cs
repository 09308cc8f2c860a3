using Azure;
using Azure.Data.Tables;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// Puts operator notifications (approval reminders to the team lead, escalations to the founder, unknown send outcomes)
/// into the <c>Notifications</c> table the dashboard reads, once per idempotency key, and logs them.
/// TODO(deals, #5): also push them to the team chat once its connector exists.
/// </summary>
public sealed partial class TableOperatorNotifier(DealTables tables, TimeProvider clock, ILogger<TableOperatorNotifier> log) : IOperatorNotifier
{
    public async Task<bool> NotifyAsync(string tenantId, string draftId, ApprovalStepKind kind, string correlationId, string idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("Notifications");
        try
        {
            await table.AddEntityAsync(new TableEntity(tenantId, DealTables.HashKey(idempotencyKey))
            {
                ["DraftId"] = draftId,
                ["Kind"] = TableDraftStore.Wire(kind),
                ["To"] = kind == ApprovalStepKind.Reminder ? "team_lead" : "founder",
                ["CorrelationId"] = correlationId,
                ["At"] = clock.GetUtcNow(),
            }, cancellationToken);
            Notified(log, tenantId, draftId, kind.ToString(), correlationId);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already notified for this step.
        }

        return true;
    }

    [LoggerMessage(1160, LogLevel.Warning, "Operator notified: tenant {TenantId}, draft {DraftId}, {Kind} (correlation {CorrelationId})")]
    private static partial void Notified(ILogger logger, string tenantId, string draftId, string kind, string correlationId);
}
