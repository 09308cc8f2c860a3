using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Scheduling;

/// <summary>Scheduled-job log messages (EventIds 1650–1699).</summary>
internal static partial class Log
{
    [LoggerMessage(1650, LogLevel.Information, "Scheduled job {InstanceId} ({Job}): skipped: paused")]
    public static partial void JobSkippedPaused(this ILogger logger, string instanceId, string job);

    [LoggerMessage(1651, LogLevel.Information, "Scheduled job {InstanceId} ({Job}) ran for {Tenants} tenants, {Failed} failed (correlation {CorrelationId})")]
    public static partial void JobCompleted(this ILogger logger, string instanceId, string job, int tenants, int failed, string correlationId);
}
