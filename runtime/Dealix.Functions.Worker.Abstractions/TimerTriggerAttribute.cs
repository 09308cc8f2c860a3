namespace Dealix.Azure.Functions.Worker;

/// <summary>
/// Triggers a function on a schedule: a 6-field NCRONTAB expression <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>
/// (a 5-field one is read without seconds), or <c>%SettingName%</c> to read it from a setting. Times are UTC unless
/// the <c>WEBSITE_TIME_ZONE</c> setting names a zone.
/// </summary>
public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>Declares the schedule.</summary>
    public TimerTriggerAttribute(string schedule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schedule);
        Schedule = schedule;
    }

    /// <summary>The schedule expression.</summary>
    public string Schedule { get; }

    /// <summary>
    /// Persist the schedule status in storage so that an occurrence missed while the app was down is run once at the
    /// next start, with <see cref="TimerInfo.IsPastDue"/> set. Default true.
    /// </summary>
    public bool UseMonitor { get; set; } = true;

    /// <summary>Also run once when the host starts. Default false.</summary>
    public bool RunOnStartup { get; set; }
}
