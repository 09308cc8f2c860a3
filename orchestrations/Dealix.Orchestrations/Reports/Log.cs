using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Reports;

/// <summary>Report log messages (EventIds 1800–1849).</summary>
internal static partial class Log
{
    [LoggerMessage(1800, LogLevel.Warning, "Report run {InstanceId} for tenant {TenantId}: the trigger names no report or period; nothing built")]
    public static partial void ReportTriggerInvalid(this ILogger logger, string instanceId, string tenantId);

    [LoggerMessage(1801, LogLevel.Information, "Report run {InstanceId} for tenant {TenantId}: {Kind} {Period} stored (operators told: {Alerted})")]
    public static partial void ReportStored(this ILogger logger, string instanceId, string tenantId, string kind, string period, bool alerted);
}
