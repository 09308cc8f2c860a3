using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Log messages of the Azure Storage backend (EventIds 9300–9399).</summary>
internal static partial class Log
{
    [LoggerMessage(9300, LogLevel.Information, "Task hub {TaskHub} ready: {Partitions} control queues")]
    public static partial void HubReady(this ILogger logger, string taskHub, int partitions);

    [LoggerMessage(9301, LogLevel.Information, "Worker {WorkerId} acquired partition {Partition} of task hub {TaskHub}")]
    public static partial void PartitionAcquired(this ILogger logger, string workerId, int partition, string taskHub);

    [LoggerMessage(9302, LogLevel.Information, "Worker {WorkerId} released partition {Partition} of task hub {TaskHub}")]
    public static partial void PartitionReleased(this ILogger logger, string workerId, int partition, string taskHub);

    [LoggerMessage(9303, LogLevel.Warning, "Storage call failed in {Loop} of task hub {TaskHub}; retrying with back-off")]
    public static partial void StorageLoopFailed(this ILogger logger, Exception exception, string loop, string taskHub);

    [LoggerMessage(9304, LogLevel.Error,
        "Quarantined {Kind} from {Source} (instance {InstanceId}) into dead letter {DeadLetterId}: {Reason}")]
    public static partial void Quarantined(this ILogger logger, string kind, string source, string? instanceId, string deadLetterId, string reason);

    [LoggerMessage(9305, LogLevel.Warning, "Instance {InstanceId} failed by the backend: {Reason}")]
    public static partial void InstanceFailedByBackend(this ILogger logger, string instanceId, string reason);

    [LoggerMessage(9306, LogLevel.Information, "Outbox sweeper re-dispatched {Count} undelivered outbox rows in task hub {TaskHub}")]
    public static partial void OutboxSwept(this ILogger logger, int count, string taskHub);

    [LoggerMessage(9307, LogLevel.Debug, "Dropped message {MessageId} for unknown instance {InstanceId}")]
    public static partial void DroppedForUnknownInstance(this ILogger logger, string messageId, string instanceId);

    [LoggerMessage(9308, LogLevel.Information, "Retention purged {Count} ended instances from task hub {TaskHub}")]
    public static partial void RetentionPurged(this ILogger logger, int count, string taskHub);

    [LoggerMessage(9310, LogLevel.Error, "Unexpected failure in {Loop} of task hub {TaskHub}; the loop continues after a back-off")]
    public static partial void LoopFailedUnexpectedly(this ILogger logger, Exception exception, string loop, string taskHub);

    [LoggerMessage(9309, LogLevel.Warning, "Post-commit step {Step} failed for instance {InstanceId}; the outbox sweeper will finish it")]
    public static partial void PostCommitFailed(this ILogger logger, Exception exception, string step, string instanceId);
}
