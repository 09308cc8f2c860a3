using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting;

/// <summary>Host log messages (EventIds 9200–9299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9200, Level = LogLevel.Debug, Message = "Executing function {FunctionName} (invocation {InvocationId})")]
    public static partial void Executing(ILogger logger, string functionName, string invocationId);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Executed function {FunctionName} (invocation {InvocationId}) in {DurationMs:F0} ms")]
    public static partial void Executed(ILogger logger, string functionName, string invocationId, double durationMs);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Error, Message = "Function {FunctionName} (invocation {InvocationId}) exceeded the function timeout {Timeout}")]
    public static partial void TimedOut(ILogger logger, string functionName, string invocationId, TimeSpan timeout);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Error, Message = "Function {FunctionName} failed")]
    public static partial void FunctionFailed(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Information, Message = "Host started: {FunctionCount} functions, task hub {HubName} on {Backend}, listening on {Address}")]
    public static partial void HostStarted(ILogger logger, int functionCount, string hubName, string backend, string address);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Information, Message = "Function {FunctionName}: {Kind} {Detail}")]
    public static partial void FunctionMapped(ILogger logger, string functionName, string kind, string detail);

    [LoggerMessage(EventId = 9206, Level = LogLevel.Warning, Message = "Rejected a request to {Path}: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 9207, Level = LogLevel.Warning, Message = "No {KeyKind} key is configured; requests needing it are refused (set {Setting})")]
    public static partial void KeyMissing(ILogger logger, string keyKind, string setting);

    [LoggerMessage(EventId = 9208, Level = LogLevel.Warning, Message = "The task hub's storage could not be released at shutdown; its partition leases will expire by themselves")]
    public static partial void BackendReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9210, Level = LogLevel.Information, Message = "Timer {FunctionName}: next occurrence {Next:o}")]
    public static partial void TimerScheduled(ILogger logger, string functionName, DateTime next);

    [LoggerMessage(EventId = 9211, Level = LogLevel.Information, Message = "Timer {FunctionName} missed its occurrence at {Missed:o}; running once now as past due")]
    public static partial void TimerPastDue(ILogger logger, string functionName, DateTime missed);

    [LoggerMessage(EventId = 9212, Level = LogLevel.Warning, Message = "The schedule status of timer {FunctionName} could not be read or written; continuing without it")]
    public static partial void MonitorFailed(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(EventId = 9213, Level = LogLevel.Debug, Message = "Timer {FunctionName} runs on another instance of this app; waiting for its lock")]
    public static partial void TimerLockHeldElsewhere(ILogger logger, string functionName);

    [LoggerMessage(EventId = 9214, Level = LogLevel.Warning, Message = "Timer {FunctionName} lost its lock to another instance; it stops running here")]
    public static partial void TimerLockLost(ILogger logger, string functionName);

    [LoggerMessage(EventId = 9220, Level = LogLevel.Warning, Message = "Queue {QueueName}: message {MessageId} failed on delivery {DequeueCount} of {MaxDequeueCount}")]
    public static partial void QueueMessageFailed(ILogger logger, Exception exception, string queueName, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(EventId = 9221, Level = LogLevel.Error, Message = "Queue {QueueName}: message {MessageId} moved to {PoisonQueue} after {DequeueCount} deliveries")]
    public static partial void QueueMessagePoisoned(ILogger logger, string queueName, string messageId, string poisonQueue, long dequeueCount);

    [LoggerMessage(EventId = 9222, Level = LogLevel.Warning, Message = "Queue {QueueName} could not be polled; retrying")]
    public static partial void QueuePollFailed(ILogger logger, Exception exception, string queueName);

    [LoggerMessage(EventId = 9230, Level = LogLevel.Error, Message = "The management API request {Method} {Path} failed")]
    public static partial void ManagementFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 9240, Level = LogLevel.Warning, Message = "Task hub {TaskHub}: the Durable Task Framework worker did not stop within the shutdown time-out; work in flight runs again after its queue visibility time-out")]
    public static partial void DtfxStopAbandoned(ILogger logger, string taskHub);
}
