using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Outreach;

/// <summary>Outreach area log messages (EventIds 1600–1649). Never message bodies, numbers, addresses or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1600, LogLevel.Information, "{InstanceId}: tenant {TenantId} skipped: paused (correlation {CorrelationId})")]
    public static partial void RunSkippedPaused(this ILogger logger, string instanceId, string tenantId, string correlationId);

    [LoggerMessage(1601, LogLevel.Information, "Daily pipeline {InstanceId} of tenant {TenantId}: {Drafted} drafts wait for approval (correlation {CorrelationId})")]
    public static partial void PipelineCompleted(this ILogger logger, string instanceId, string tenantId, int drafted, string correlationId);

    [LoggerMessage(1602, LogLevel.Information, "Send batch {InstanceId} of tenant {TenantId}: {Sent} sent, {Skipped} skipped (correlation {CorrelationId})")]
    public static partial void BatchCompleted(this ILogger logger, string instanceId, string tenantId, int sent, int skipped, string correlationId);
}
