using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Invocation;
using Dealix.Runtime.Hosting.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Timers;

/// <summary>
/// Runs the timer functions on their schedules. With <see cref="TimerTriggerAttribute.UseMonitor"/> the status
/// (last and next occurrence) is stored before each wait, so a start that finds the stored next occurrence already
/// passed knows it was missed and runs the function once with <see cref="TimerInfo.IsPastDue"/> set, then resumes
/// the schedule from now (missed occurrences are not replayed one by one, as in Functions).
/// </summary>
internal sealed class TimerTriggerService(
    IReadOnlyList<FunctionDescriptor> functions,
    FunctionInvoker invoker,
    IScheduleMonitor monitor,
    ITimerLock timerLock,
    IConfiguration configuration,
    FunctionsHostOptions options,
    TimeProvider time,
    ILogger<TimerTriggerService> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timers = functions.Where(f => f.Kind == FunctionKind.Timer)
            .Select(f => (Function: f, Schedule: TimerSchedule.Parse(f.Name, f.Timer!.Schedule, configuration, options.TimeZone)))
            .ToList();
        return Task.WhenAll(timers.Select(t => RunAsync(t.Function, t.Schedule, stoppingToken)));
    }

    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromSeconds(10);

    /// <summary>Runs the schedule while this instance holds the timer's lock; waits for the lock otherwise.</summary>
    private async Task RunAsync(FunctionDescriptor function, TimerSchedule schedule, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            ITimerLease? lease = null;
            try
            {
                lease = await timerLock.TryAcquireAsync(function.EntryPoint, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                Log.MonitorFailed(log, e, function.Name);
            }

            if (lease is null)
            {
                Log.TimerLockHeldElsewhere(log, function.Name);
                try
                {
                    await Task.Delay(LockRetryInterval, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            await using (lease)
            {
                using var held = CancellationTokenSource.CreateLinkedTokenSource(stop);
                Task renewing = RenewAsync(function, lease, held);
                await RunScheduleAsync(function, schedule, held.Token);
                bool exhausted = !held.IsCancellationRequested;
                await held.CancelAsync();
                await renewing;
                if (exhausted)
                {
                    return; // The schedule has no further occurrence.
                }
            }
        }
    }

    private async Task RenewAsync(FunctionDescriptor function, ITimerLease lease, CancellationTokenSource held)
    {
        try
        {
            while (!held.IsCancellationRequested)
            {
                await Task.Delay(lease.RenewInterval, time, held.Token);
                if (!await lease.RenewAsync(held.Token))
                {
                    // Another instance took the timer over: stop running it here.
                    Log.TimerLockLost(log, function.Name);
                    await held.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping, or the schedule ended.
        }
    }

    private async Task RunScheduleAsync(FunctionDescriptor function, TimerSchedule schedule, CancellationToken stop)
    {
        TimerTriggerAttribute trigger = function.Timer!;
        string key = function.EntryPoint;
        ScheduleStatus? status = trigger.UseMonitor ? await ReadAsync(function, key, stop) : null;
        bool ranAtStart = false;
        DateTime now = Now();
        if (status is not null && status.Next != default && now > status.Next)
        {
            Log.TimerPastDue(log, function.Name, status.Next);
            await InvokeAsync(function, new TimerInfo { ScheduleStatus = status, IsPastDue = true }, stop);
            status = new ScheduleStatus { Last = status.Next, Next = status.Next, LastUpdated = Now() };
            ranAtStart = true;
        }

        if (trigger.RunOnStartup && !ranAtStart && !stop.IsCancellationRequested)
        {
            await InvokeAsync(function, new TimerInfo { ScheduleStatus = status, IsPastDue = false }, stop);
        }

        while (!stop.IsCancellationRequested)
        {
            if (schedule.Next(Now()) is not { } next)
            {
                return;
            }

            if (trigger.UseMonitor)
            {
                // Stored before the wait: if the app is down when `next` passes, the next start sees it was missed.
                status = new ScheduleStatus { Last = status?.Last ?? default, Next = next, LastUpdated = Now() };
                await WriteAsync(function, key, status, stop);
            }

            Log.TimerScheduled(log, function.Name, next);
            try
            {
                // Timers may wake a little early; never run before the occurrence.
                for (TimeSpan wait = next - Now(); wait > TimeSpan.Zero; wait = next - Now())
                {
                    await Task.Delay(wait, time, stop);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            FunctionsTelemetry.TimerLateness.Record((Now() - next).TotalMilliseconds, new KeyValuePair<string, object?>("faas.name", function.Name));
            await InvokeAsync(function, new TimerInfo { ScheduleStatus = status, IsPastDue = false }, stop);
            status = status is null ? null : new ScheduleStatus { Last = next, Next = next, LastUpdated = Now() };
        }
    }

    private async Task InvokeAsync(FunctionDescriptor function, TimerInfo info, CancellationToken stop)
    {
        try
        {
            await invoker.InvokeAsync(function, new InvocationInput { Trigger = _ => info }, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception e)
        {
            // A failed run does not stop the schedule; the next occurrence runs as usual.
            Log.FunctionFailed(log, e, function.Name);
        }
    }

    private async Task<ScheduleStatus?> ReadAsync(FunctionDescriptor function, string key, CancellationToken stop)
    {
        try
        {
            return await monitor.GetStatusAsync(key, stop);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            Log.MonitorFailed(log, e, function.Name);
            return null;
        }
    }

    private async Task WriteAsync(FunctionDescriptor function, string key, ScheduleStatus status, CancellationToken stop)
    {
        try
        {
            await monitor.UpdateStatusAsync(key, status, stop);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            Log.MonitorFailed(log, e, function.Name);
        }
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
