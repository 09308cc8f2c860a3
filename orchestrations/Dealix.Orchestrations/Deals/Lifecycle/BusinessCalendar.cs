namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// Business days for the deal timers: Sunday–Thursday in Arabia Standard Time (UTC+3, no daylight saving), per
/// DOMAIN.md §0. Pure: takes and returns UTC.
/// </summary>
public static class BusinessCalendar
{
    private static readonly TimeSpan AstOffset = TimeSpan.FromHours(3);

    /// <summary>Adds <paramref name="days"/> business days to <paramref name="utc"/>, keeping the time of day; a start
    /// on a weekend counts from the next Sunday.</summary>
    public static DateTime AddBusinessDays(DateTime utc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        DateTime local = DateTime.SpecifyKind(utc, DateTimeKind.Utc) + AstOffset;
        int added = 0;
        while (added < days)
        {
            local = local.AddDays(1);
            if (IsBusinessDay(local))
            {
                added++;
            }
        }

        return DateTime.SpecifyKind(local - AstOffset, DateTimeKind.Utc);
    }

    /// <summary>True for Sunday to Thursday (AST date).</summary>
    public static bool IsBusinessDay(DateTime astLocal) => astLocal.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday);
}
