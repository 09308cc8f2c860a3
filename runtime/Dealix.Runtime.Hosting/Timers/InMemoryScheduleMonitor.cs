using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Runtime.Hosting.Timers;

/// <summary>A schedule monitor for the in-memory backend: nothing survives the process, so nothing is ever past due.</summary>
public sealed class InMemoryScheduleMonitor : IScheduleMonitor
{
    private readonly ConcurrentDictionary<string, ScheduleStatus> _statuses = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ScheduleStatus?> GetStatusAsync(string timerName, CancellationToken cancellation) =>
        Task.FromResult(_statuses.TryGetValue(timerName, out ScheduleStatus? status) ? status : null);

    /// <inheritdoc />
    public Task UpdateStatusAsync(string timerName, ScheduleStatus status, CancellationToken cancellation)
    {
        _statuses[timerName] = status;
        return Task.CompletedTask;
    }
}
