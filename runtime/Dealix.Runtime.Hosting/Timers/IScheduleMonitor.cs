using Microsoft.Azure.Functions.Worker;

namespace Dealix.Runtime.Hosting.Timers;

/// <summary>Persists each timer's schedule status so that a start can tell an occurrence was missed.</summary>
public interface IScheduleMonitor
{
    /// <summary>The stored status of a timer, or null when it never ran.</summary>
    Task<ScheduleStatus?> GetStatusAsync(string timerName, CancellationToken cancellation);

    /// <summary>Stores the status of a timer.</summary>
    Task UpdateStatusAsync(string timerName, ScheduleStatus status, CancellationToken cancellation);
}
