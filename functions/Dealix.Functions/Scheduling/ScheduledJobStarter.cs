using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Scheduling;

/// <summary>
/// The shared mechanism behind every §18 timer: a tick starts <see cref="ScheduledJobOrchestrator"/> under the instance
/// id <c>sched:{job}:{periodKey}</c> of the occurrence it belongs to (see <see cref="ScheduledJob.LatestOccurrence"/>).
/// An instance with that id — running, completed or failed — means the run already happened: the tick is logged and
/// does nothing. So a tick delivered twice, or by two app instances at once (the loser of the race gets
/// <c>OrchestrationAlreadyExistsException</c>, or sees the winner's instance), runs the job once; and the past-due
/// tick the host delivers after downtime (<see cref="TimerInfo.IsPastDue"/>, from the schedule monitor) starts the
/// latest missed period once. The orchestration checks the kill switch first (§17.8).
/// </summary>
public sealed partial class ScheduledJobStarter(TimeProvider clock, ILogger<ScheduledJobStarter> log)
{
    /// <summary>Starts the run of <paramref name="job"/> for the tick at the current time; returns its instance id, or
    /// null when that run already exists.</summary>
    public async Task<string?> StartAsync(DurableTaskClient client, ScheduledJob job, TimerInfo? timer, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(job);
        if (job.TenantOrchestrator is null || job.LatestOccurrence(clock.GetUtcNow().UtcDateTime) is not { } occurrence)
        {
            throw new InvalidOperationException($"Job {job.Name} has no schedule or orchestrator here.");
        }

        string period = job.PeriodKey(occurrence);
        string instanceId = job.InstanceId(period);
        if (await client.GetInstanceAsync(instanceId, cancellation) is not null)
        {
            AlreadyRan(log, job.Name, instanceId, timer?.IsPastDue ?? false);
            return null;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(ScheduledJobOrchestrator.Name, new ScheduledJobInput(job.Name, period, job.TenantOrchestrator),
                new StartOrchestrationOptions(instanceId), cancellation);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested && e is not ArgumentException)
        {
            // Another instance of the app started the same run first (OrchestrationAlreadyExistsException on our engine
            // and DTFx, an RpcException through the gRPC client): its instance is there now.
            if (await client.GetInstanceAsync(instanceId, cancellation) is null)
            {
                throw;
            }

            AlreadyRan(log, job.Name, instanceId, timer?.IsPastDue ?? false);
            return null;
        }

        Started(log, job.Name, instanceId, timer?.IsPastDue ?? false);
        return instanceId;
    }

    [LoggerMessage(1660, LogLevel.Information, "Scheduled job {Job}: started {InstanceId} (past due: {IsPastDue})")]
    private static partial void Started(ILogger logger, string job, string instanceId, bool isPastDue);

    [LoggerMessage(1661, LogLevel.Information, "Scheduled job {Job}: {InstanceId} already ran; tick ignored (past due: {IsPastDue})")]
    private static partial void AlreadyRan(ILogger logger, string job, string instanceId, bool isPastDue);
}
