using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Worker;

/// <summary>Worker log messages (EventIds 9000–9099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Warning, Message = "A start for instance {InstanceId} was rejected: the instance is {Status}")]
    public static partial void StartRejected(ILogger logger, string instanceId, string status);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "Orchestrator {Name} could not be created for instance {InstanceId}")]
    public static partial void OrchestratorCreationFailed(ILogger logger, Exception exception, string name, string instanceId);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Debug, Message = "The episode of instance {InstanceId} lost its lock and was discarded; its messages will be delivered again")]
    public static partial void WorkItemLost(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Error, Message = "The episode of instance {InstanceId} could not be committed; it was abandoned for another attempt")]
    public static partial void EpisodeFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Error, Message = "Activity {Name} of instance {InstanceId} could not report its result; it was abandoned for another attempt")]
    public static partial void ActivityReportFailed(ILogger logger, Exception exception, string name, string instanceId);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "The backend failed to hand out work; retrying in {DelayMs} ms")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, int delayMs);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "Orchestration {InstanceId} ({Name}) ended {Status}")]
    public static partial void OrchestrationEnded(ILogger logger, string instanceId, string name, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Debug, Message = "Activity {Name} (task {TaskId}, attempt {Attempt}) of instance {InstanceId} failed: {ErrorType}")]
    public static partial void ActivityFailed(ILogger logger, string name, int taskId, int attempt, string instanceId, string errorType);
}
