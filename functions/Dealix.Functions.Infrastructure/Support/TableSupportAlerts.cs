using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>
/// The default <see cref="ISupportAlerts"/>: the alert goes into the <c>Notifications</c> table the dashboard reads
/// (the same table as the approval reminders), once per idempotency key, and into the log. The lead replaces it with an
/// adapter over the shared Operator alerts contract (<c>IOperatorAlerts</c>), which delivers on a real channel.
/// </summary>
public sealed partial class TableSupportAlerts(DealTables tables, TimeProvider clock, ILogger<TableSupportAlerts> log) : ISupportAlerts
{
    public async Task<bool> SendAsync(SupportAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        TableClient table = await tables.GetAsync("Notifications");
        try
        {
            await table.AddEntityAsync(new TableEntity(alert.Tenant, DealTables.HashKey(alert.IdempotencyKey))
            {
                ["Kind"] = alert.Kind,
                ["Severity"] = alert.Severity,
                ["To"] = alert.OwnerRole,
                ["Title"] = alert.Title,
                ["Body"] = alert.Body,
                ["Link"] = alert.Link,
                ["Key"] = alert.IdempotencyKey,
                ["At"] = clock.GetUtcNow(),
            }, cancellationToken);
            Alerted(log, alert.Tenant, alert.Kind, alert.Severity, alert.OwnerRole ?? "-", alert.Title);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already alerted under this key.
        }

        return true;
    }

    [LoggerMessage(1700, LogLevel.Warning, "Support alert: tenant {TenantId}, {Kind} ({Severity}) to {Role}: {Title}")]
    private static partial void Alerted(ILogger logger, string tenantId, string kind, string severity, string role, string title);
}
