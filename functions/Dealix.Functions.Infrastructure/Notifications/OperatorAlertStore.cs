using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Notifications;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// Operator alerts in Azure Tables (tenant id = partition key): <c>OperatorAlerts</c> holds one row per alert, keyed by
/// the hash of its idempotency key, so a retried send finds the row it wrote; <c>OperatorAlertDeliveries</c> one row per
/// alert, channel and recipient, with its delivery state.
/// </summary>
public sealed class OperatorAlertStore(DealTables tables)
{
    /// <summary>WARNING: table names are storage; never rename.</summary>
    public const string AlertsTable = "OperatorAlerts";

    /// <summary>WARNING: table names are storage; never rename.</summary>
    public const string DeliveriesTable = "OperatorAlertDeliveries";

    /// <summary>The row key of an alert.</summary>
    public static string AlertId(OperatorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return DealTables.HashKey(alert.IdempotencyKey);
    }

    /// <summary>Records the alert; false when it was already recorded (its first record is kept).</summary>
    public async Task<bool> RecordAsync(OperatorAlert alert, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        TableClient table = await tables.GetAsync(AlertsTable);
        try
        {
            await table.AddEntityAsync(new TableEntity(alert.Tenant, AlertId(alert))
            {
                ["Kind"] = alert.Kind,
                ["Severity"] = alert.Severity,
                ["Title"] = alert.Title,
                ["Body"] = alert.Body,
                ["IdempotencyKey"] = alert.IdempotencyKey,
                ["OwnerRole"] = alert.OwnerRole,
                ["Link"] = alert.Link,
                ["At"] = at,
                ["Status"] = AlertStatus.Recorded,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The alert and its status, or null.</summary>
    public async Task<StoredOperatorAlert?> GetAsync(string tenant, string alertId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(AlertsTable);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, alertId, cancellationToken: cancellationToken);
        return row.HasValue ? ToAlert(row.Value!) : null;
    }

    /// <summary>Sets the alert's overall status.</summary>
    public async Task SetStatusAsync(string tenant, string alertId, string status, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(AlertsTable);
        await table.UpdateEntityAsync(new TableEntity(tenant, alertId) { ["Status"] = status }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The tenant's alerts, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StoredOperatorAlert>> ListAsync(string tenant, int limit, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(AlertsTable);
        var all = new List<StoredOperatorAlert>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(e => e.PartitionKey == tenant, cancellationToken: cancellationToken))
        {
            all.Add(ToAlert(row));
        }

        return [.. all.OrderByDescending(a => a.At).Take(limit)];
    }

    /// <summary>The delivery id of one channel and recipient of an alert.</summary>
    public static string DeliveryId(string alertId, string channel, string recipient) => DealTables.HashKey($"{alertId}|{channel}|{recipient}");

    /// <summary>Adds a pending delivery; an existing row (a retried dispatch) is kept as it is.</summary>
    public async Task<AlertDelivery> AddDeliveryAsync(string tenant, string alertId, string channel, string recipient, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(DeliveriesTable);
        var row = new TableEntity(tenant, DeliveryId(alertId, channel, recipient))
        {
            ["AlertId"] = alertId,
            ["Channel"] = channel,
            ["Recipient"] = recipient,
            ["Status"] = AlertStatus.Pending,
            ["Attempts"] = 0,
            ["UpdatedAt"] = at,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return ToDelivery(row);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await GetDeliveryAsync(tenant, row.RowKey, cancellationToken))!;
        }
    }

    /// <summary>The delivery and its row version, or null.</summary>
    public async Task<(AlertDelivery Delivery, ETag Version)?> GetDeliveryWithVersionAsync(string tenant, string deliveryId,
        CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(DeliveriesTable);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, deliveryId, cancellationToken: cancellationToken);
        return row.HasValue ? (ToDelivery(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>The delivery, or null.</summary>
    public async Task<AlertDelivery?> GetDeliveryAsync(string tenant, string deliveryId, CancellationToken cancellationToken = default) =>
        (await GetDeliveryWithVersionAsync(tenant, deliveryId, cancellationToken))?.Delivery;

    /// <summary>The deliveries of one alert.</summary>
    public async Task<IReadOnlyList<AlertDelivery>> ListDeliveriesAsync(string tenant, string alertId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(DeliveriesTable);
        var deliveries = new List<AlertDelivery>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(e => e.PartitionKey == tenant && e.GetString("AlertId") == alertId,
            cancellationToken: cancellationToken))
        {
            deliveries.Add(ToDelivery(row));
        }

        return [.. deliveries.OrderBy(d => d.Channel, StringComparer.Ordinal).ThenBy(d => d.Recipient, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Moves the delivery to <paramref name="delivery"/>'s state if the row is still at <paramref name="version"/>; the new
    /// version, or null when another sender changed it first (the loser sends nothing).
    /// </summary>
    public async Task<ETag?> TryUpdateDeliveryAsync(AlertDelivery delivery, ETag version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        TableClient table = await tables.GetAsync(DeliveriesTable);
        try
        {
            Response response = await table.UpdateEntityAsync(new TableEntity(delivery.Tenant, delivery.DeliveryId)
            {
                ["AlertId"] = delivery.AlertId,
                ["Channel"] = delivery.Channel,
                ["Recipient"] = delivery.Recipient,
                ["Status"] = delivery.Status,
                ["Attempts"] = delivery.Attempts,
                ["LastError"] = delivery.LastError,
                ["ProviderMessageId"] = delivery.ProviderMessageId,
                ["UpdatedAt"] = delivery.UpdatedAt,
                ["ClaimedAt"] = delivery.ClaimedAt,
            }, version, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    private static AlertDelivery ToDelivery(TableEntity row) => new(
        row.PartitionKey, row.RowKey, row.GetString("AlertId") ?? "", row.GetString("Channel") ?? "", row.GetString("Recipient") ?? "",
        row.GetString("Status") ?? AlertStatus.Pending, row.GetInt32("Attempts") ?? 0, row.GetString("LastError"), row.GetString("ProviderMessageId"),
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue, row.GetDateTimeOffset("ClaimedAt"));

    private static StoredOperatorAlert ToAlert(TableEntity row) => new(
        row.RowKey,
        new OperatorAlert(row.PartitionKey, row.GetString("Kind") ?? "", row.GetString("Severity") ?? "", row.GetString("Title") ?? "",
            row.GetString("Body") ?? "", row.GetString("IdempotencyKey") ?? "", row.GetString("OwnerRole"), row.GetString("Link")),
        row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        row.GetString("Status") ?? AlertStatus.Recorded);
}
