using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Operations;

/// <summary>
/// Logs a heartbeat every five minutes (and once as past due after downtime), so an operator sees in the logs that
/// the host's timers are alive. Does nothing else.
/// </summary>
public sealed partial class HeartbeatTimer(ILogger<HeartbeatTimer> log)
{
    public const string Name = "Heartbeat";

    [Function(Name)]
    public void Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer)
    {
        Beat(log, timer.IsPastDue, timer.ScheduleStatus?.Next);
    }

    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Heartbeat (past due: {IsPastDue}, scheduled for {Scheduled:o})")]
    private static partial void Beat(ILogger logger, bool isPastDue, DateTime? scheduled);
}
