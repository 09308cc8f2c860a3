using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Log messages of dead-lettering (EventIds 9320–9329).</summary>
internal static partial class Log
{
    [LoggerMessage(9320, LogLevel.Warning,
        "Instance {InstanceId} could not be failed after {Attempts} conflicting commits ({Reason}); the message that asked for it stays in its queue and is tried again when it comes back")]
    public static partial void InstanceNotFailedYet(this ILogger logger, string instanceId, int attempts, string reason);
}
