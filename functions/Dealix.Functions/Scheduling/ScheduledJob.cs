using System.Globalization;
using Cronos;

namespace Dealix.Functions.Scheduling;

/// <summary>How a job's runs are told apart: one a day, one per occurrence (several a day), one a week or one a month.</summary>
public enum JobPeriod
{
    /// <summary><c>yyyyMMdd</c> (AST).</summary>
    Daily,

    /// <summary><c>yyyyMMddTHHmm</c> (AST): every occurrence is its own run.</summary>
    Occurrence,

    /// <summary><c>yyyyWww</c> (ISO week of the AST date).</summary>
    Weekly,

    /// <summary><c>yyyyMM</c> (AST).</summary>
    Monthly,
}

/// <summary>Who runs a catalogue entry's timer.</summary>
public enum JobTimer
{
    /// <summary>A <c>TimerTrigger</c> in this folder starts it through <see cref="ScheduledJobStarter"/>.</summary>
    Here,

    /// <summary>Another area's timer (built in parallel); it follows the same convention and moves here when unified.</summary>
    OtherArea,

    /// <summary>The job's work is not built yet (issue 16 items 3–4): no timer, rather than a timer that fakes it.</summary>
    NotBuilt,
}

/// <summary>
/// One job of the DOMAIN.md §18 timer catalogue. <see cref="Cron"/> is the 6-field NCRONTAB schedule in UTC (the
/// catalogue's own form, §0): Asia/Riyadh is UTC+3 all year (no daylight saving), so AST 06:30 is UTC 03:30 and the
/// Sun–Thu exception is the UTC day-of-week <c>0-4</c> as long as the AST time is 03:00 or later (every entry is). Run on
/// UTC, the schedule means the same on every plan, including Linux Consumption, where <c>WEBSITE_TIME_ZONE</c> is not
/// honoured. <see cref="PeriodKey"/> names the run in AST.
/// </summary>
/// <param name="Name">The job id in instance ids (<c>sched:{Name}:{periodKey}</c>); never renamed.</param>
/// <param name="Title">What the job does (§18's wording).</param>
/// <param name="Ast">The schedule in Arabia Standard Time, as the catalogue states it.</param>
/// <param name="Cron">The UTC NCRONTAB expression; null when the owning area sets it.</param>
/// <param name="Period">How runs are keyed.</param>
/// <param name="Timer">Who runs the timer.</param>
/// <param name="Owner">The area (helper) that owns the job's work.</param>
/// <param name="TenantOrchestrator">For jobs started here: the per-tenant orchestrator the scheduled run fans out to.</param>
public sealed record ScheduledJob(string Name, string Title, string Ast, string? Cron, JobPeriod Period, JobTimer Timer, string Owner, string? TenantOrchestrator = null)
{
    private static readonly TimeSpan AstOffset = TimeSpan.FromHours(3);

    /// <summary>Slack for a host that wakes a moment before the occurrence.</summary>
    private static readonly TimeSpan EarlyWake = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The occurrence a tick at <paramref name="nowUtc"/> runs for: the latest scheduled instant at or before it. A tick on
    /// time finds its own occurrence; a duplicate finds the same one; a past-due tick after downtime finds the most
    /// recent missed one, so missed runs are caught up once, not one by one. Null when none falls in the look-back.
    /// </summary>
    public DateTime? LatestOccurrence(DateTime nowUtc)
    {
        if (Cron is null)
        {
            return null;
        }

        CronExpression expression = CronExpression.Parse(Cron, CronFormat.IncludeSeconds);
        DateTime to = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc) + EarlyWake;
        TimeSpan lookBack = Period switch
        {
            JobPeriod.Monthly => TimeSpan.FromDays(62),
            JobPeriod.Weekly => TimeSpan.FromDays(15),
            _ => TimeSpan.FromDays(8),
        };
        DateTime? latest = null;
        foreach (DateTime occurrence in expression.GetOccurrences(to - lookBack, to, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true))
        {
            latest = occurrence;
        }

        return latest;
    }

    /// <summary>The period key of an occurrence, in AST.</summary>
    public string PeriodKey(DateTime occurrenceUtc)
    {
        DateTime ast = DateTime.SpecifyKind(occurrenceUtc, DateTimeKind.Utc) + AstOffset;
        return Period switch
        {
            JobPeriod.Daily => ast.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            JobPeriod.Occurrence => ast.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture),
            JobPeriod.Weekly => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(ast)}W{ISOWeek.GetWeekOfYear(ast):00}"),
            _ => ast.ToString("yyyyMM", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The orchestration instance id of a run: <c>sched:{job}:{periodKey}</c>.</summary>
    public string InstanceId(string periodKey) => $"sched:{Name}:{periodKey}";
}
