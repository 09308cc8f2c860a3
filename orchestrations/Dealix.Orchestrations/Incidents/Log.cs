using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Incidents;

/// <summary>Incident area log messages (EventIds 1500–1549). Ids only: never customer data.</summary>
internal static partial class Log
{
    [LoggerMessage(1500, LogLevel.Warning, "Incident {InstanceId} of tenant {TenantId} opened as {Severity} (correlation {CorrelationId})")]
    public static partial void IncidentOpened(this ILogger logger, string instanceId, string tenantId, string severity, string correlationId);

    [LoggerMessage(1501, LogLevel.Information, "Incident {InstanceId} of tenant {TenantId}: every plan step acknowledged (correlation {CorrelationId})")]
    public static partial void IncidentAcknowledged(this ILogger logger, string instanceId, string tenantId, string correlationId);

    [LoggerMessage(1502, LogLevel.Information, "Incident {InstanceId} of tenant {TenantId} resolved; post-mortem drafted (correlation {CorrelationId})")]
    public static partial void IncidentResolved(this ILogger logger, string instanceId, string tenantId, string correlationId);

    [LoggerMessage(1503, LogLevel.Error, "Incident {InstanceId} of tenant {TenantId}: PDPL notification overdue (correlation {CorrelationId})")]
    public static partial void PdplOverdue(this ILogger logger, string instanceId, string tenantId, string correlationId);

    [LoggerMessage(1504, LogLevel.Information, "Incident {InstanceId} of tenant {TenantId} closed (correlation {CorrelationId})")]
    public static partial void IncidentClosed(this ILogger logger, string instanceId, string tenantId, string correlationId);
}
