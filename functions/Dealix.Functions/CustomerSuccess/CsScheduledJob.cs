using System.Globalization;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.CustomerSuccess;

/// <summary>
/// The scheduled-job convention (contracts.md, §18) for the customer-success timers: a tick starts its orchestration
/// under <c>sched:{job}:{yyyyMMdd}</c>, the AST day of the tick (Riyadh is UTC+3 all year, no daylight saving), and a
/// second tick of the same day (a duplicate delivery, a second instance, a past-due catch-up) finds it and does nothing.
/// </summary>
public static partial class CsScheduledJob
{
    /// <summary>The AST calendar day of a UTC instant.</summary>
    public static DateOnly AstDay(DateTimeOffset now) => DateOnly.FromDateTime((now.ToUniversalTime() + TimeSpan.FromHours(3)).DateTime);

    /// <summary>The instance id of <paramref name="job"/> on <paramref name="day"/>.</summary>
    public static string InstanceId(string job, DateOnly day) => $"sched:{job}:{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>Starts the day's run of <paramref name="orchestrator"/> unless it already ran; true when this tick started it.</summary>
    public static async Task<bool> StartOnceAsync(DurableTaskClient client, string orchestrator, string job, DateTimeOffset now, ILogger log,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        DateOnly day = AstDay(now);
        string instanceId = InstanceId(job, day);
        if (await client.GetInstanceAsync(instanceId, cancellation) is not null)
        {
            AlreadyRan(log, instanceId);
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator,
                new CsJobInput(day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), day), new StartOrchestrationOptions(instanceId), cancellation);
            Started(log, instanceId);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            AlreadyRan(log, instanceId);
            return false;
        }
    }

    [LoggerMessage(EventId = 1450, Level = LogLevel.Information, Message = "Scheduled job {InstanceId} started")]
    private static partial void Started(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 1451, Level = LogLevel.Information, Message = "Scheduled job {InstanceId} already ran; tick ignored")]
    private static partial void AlreadyRan(ILogger logger, string instanceId);
}
