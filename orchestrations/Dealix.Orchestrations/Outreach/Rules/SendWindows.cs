using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Outreach.Rules;

/// <summary>
/// The send windows of DOMAIN.md §10.6, in Arabia Standard Time (UTC+3, no daylight saving): first touches and
/// follow-ups Sunday–Thursday 09:00–17:00; replies to a contact's own message any day 08:00–22:00. Pure: takes and
/// returns UTC.
/// </summary>
public static class SendWindows
{
    private static readonly TimeSpan AstOffset = TimeSpan.FromHours(3);

    /// <summary>True when a draft of <paramref name="kind"/> may be sent at <paramref name="utc"/>.</summary>
    public static bool IsOpen(DraftKind kind, DateTime utc)
    {
        DateTime ast = utc + AstOffset;
        (TimeSpan from, TimeSpan to, bool businessDaysOnly) = Window(kind);
        return (!businessDaysOnly || ast.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday))
            && ast.TimeOfDay >= from && ast.TimeOfDay < to;
    }

    /// <summary>The first instant at or after <paramref name="utc"/> when the window of <paramref name="kind"/> is open.</summary>
    public static DateTime NextOpen(DraftKind kind, DateTime utc)
    {
        if (IsOpen(kind, utc))
        {
            return utc;
        }

        (TimeSpan from, _, _) = Window(kind);
        DateTime day = (utc + AstOffset).Date;
        for (int i = 0; i < 8; i++, day = day.AddDays(1))
        {
            DateTime candidate = DateTime.SpecifyKind(day + from - AstOffset, DateTimeKind.Utc);
            if (candidate >= utc && IsOpen(kind, candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("A send window opens every week.");
    }

    private static (TimeSpan From, TimeSpan To, bool BusinessDaysOnly) Window(DraftKind kind) => kind switch
    {
        DraftKind.Reply => (TimeSpan.FromHours(8), TimeSpan.FromHours(22), false),
        _ => (TimeSpan.FromHours(9), TimeSpan.FromHours(17), true),
    };
}
