using System.Globalization;
using Dealix.Orchestrations.Support;
using Dealix.Orchestrations.Support.Contracts;
using DurableTask.Core.Exceptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Support;

/// <summary>
/// The SLA breach sweep + approval-SLA sweep of §18, every 5 minutes (<c>0 */5 * * * *</c> UTC): each tick starts
/// <see cref="SlaSweepOrchestrator"/> under <c>sched:sla-sweep:{yyyyMMddTHHmm}</c> (the tick's 5-minute slot in
/// Asia/Riyadh time), so a duplicate or past-due tick for the same slot finds the instance and does nothing. It sits
/// beside the heartbeat timer; the per-item durable timers do the work, this catches what a lost timer missed.
/// </summary>
public sealed partial class SlaSweepTimer(ILogger<SlaSweepTimer> log, TimeProvider clock)
{
    public const string Name = "SlaSweepTimer";

    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3); // AST, no daylight saving (DOMAIN §0)

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        bool started = await StartTickAsync(client, clock.GetUtcNow(), cancellation);
        Ticked(log, timer?.IsPastDue == true, started);
    }

    /// <summary>Starts the tick's sweep; false when the slot's instance already exists.</summary>
    public static async Task<bool> StartTickAsync(DurableTaskClient client, DateTimeOffset now, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        string periodKey = PeriodKey(now);
        string instanceId = $"sched:{SlaSweepOrchestrator.Job}:{periodKey}";
        if (await client.GetInstanceAsync(instanceId, false, cancellation) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(SlaSweepOrchestrator.Name, new SlaSweepInput(periodKey, Guid.NewGuid().ToString()),
                new StartOrchestrationOptions(instanceId), cancellation);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>The 5-minute slot of <paramref name="now"/> in Asia/Riyadh time, as <c>yyyyMMddTHHmm</c>.</summary>
    public static string PeriodKey(DateTimeOffset now)
    {
        DateTimeOffset local = now.ToOffset(Riyadh);
        var slot = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute / 5 * 5, 0, DateTimeKind.Unspecified);
        return slot.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
    }

    [LoggerMessage(EventId = 1710, Level = LogLevel.Information, Message = "SLA sweep tick (past due: {IsPastDue}, started: {Started})")]
    private static partial void Ticked(ILogger logger, bool isPastDue, bool started);
}
