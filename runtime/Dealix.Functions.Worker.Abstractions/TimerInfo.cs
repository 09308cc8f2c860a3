namespace Dealix.Azure.Functions.Worker;

/// <summary>What a timer function receives.</summary>
public class TimerInfo
{
    /// <summary>The schedule status as of before this invocation (null when the monitor is off).</summary>
    public ScheduleStatus? ScheduleStatus { get; set; }

    /// <summary>True when this invocation catches up an occurrence missed while the app was not running.</summary>
    public bool IsPastDue { get; set; }
}
