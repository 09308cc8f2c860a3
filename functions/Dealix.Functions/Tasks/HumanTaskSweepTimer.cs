using System.Globalization;
using Dealix.Orchestrations.Tasks;
using DurableTask.Core.Exceptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Tasks;

/// <summary>
/// Every five minutes (§18's sweep row) starts <see cref="HumanTaskSweepOrchestrator"/> as
/// <c>sched:human-task-sweep:{yyyyMMddTHHmm}</c>, the tick's minute in Asia/Riyadh time (UTC+3, no daylight saving):
/// a tick delivered twice finds its instance and does nothing.
/// </summary>
public sealed partial class HumanTaskSweepTimer(TimeProvider clock, ILogger<HumanTaskSweepTimer> log)
{
    public const string Name = "HumanTaskSweepTimer";
    public const string Job = "human-task-sweep";

    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3);

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        string instanceId = InstanceId(clock.GetUtcNow());
        if (timer?.IsPastDue == true)
        {
            PastDue(log, instanceId);
        }

        if (await client.GetInstanceAsync(instanceId, cancellation) is not null)
        {
            AlreadyRan(log, instanceId);
            return;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(HumanTaskSweepOrchestrator.Name, input: null, new StartOrchestrationOptions(instanceId), cancellation);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            AlreadyRan(log, instanceId);
        }
    }

    /// <summary>The tick's instance id: its five-minute period in Asia/Riyadh time.</summary>
    public static string InstanceId(DateTimeOffset tick)
    {
        DateTimeOffset local = tick.ToOffset(Riyadh);
        local = local.AddMinutes(-(local.Minute % 5)).AddSeconds(-local.Second).AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond));
        return $"sched:{Job}:{local.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}";
    }

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "{InstanceId}: the tick is past due (the host was down)")]
    private static partial void PastDue(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "{InstanceId} already ran")]
    private static partial void AlreadyRan(ILogger logger, string instanceId);
}
