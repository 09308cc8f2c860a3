using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.DurableTaskFramework;

/// <summary>Log messages of the Durable Task Framework host (EventIds 9700–9799).</summary>
internal static partial class Log
{
    [LoggerMessage(9700, LogLevel.Information, "Durable Task Framework worker started on task hub {TaskHub} (DurableTask.AzureStorage)")]
    public static partial void WorkerStarted(this ILogger logger, string taskHub);

    [LoggerMessage(9701, LogLevel.Information, "Durable Task Framework worker stopped on task hub {TaskHub}")]
    public static partial void WorkerStopped(this ILogger logger, string taskHub);
}
