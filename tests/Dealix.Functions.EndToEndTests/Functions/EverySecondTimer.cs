using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.EndToEndTests.Functions;

/// <summary>A timer on a 1-second schedule that records each invocation (disabled except in the timer test).</summary>
public static class EverySecondTimer
{
    public const string Name = "EverySecond";

    public static ConcurrentQueue<TimerRun> Runs { get; } = new();

    [Function(Name)]
    public static void Run([TimerTrigger("* * * * * *")] TimerInfo timer) =>
        Runs.Enqueue(new TimerRun(DateTime.UtcNow, timer.IsPastDue, timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next));
}

public sealed record TimerRun(DateTime At, bool IsPastDue, DateTime? Last, DateTime? Next);
