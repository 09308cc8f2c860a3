using System.Globalization;
using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// The window a report covers, from its kind and period, in Asia/Riyadh time (UTC+3 all year, no daylight saving),
/// per §18/§19.2:
/// <list type="bullet">
/// <item>the morning and daily digests cover the AST day before the run day, except that Sunday's cover Thursday
/// through Saturday (the weekend: Friday and Saturday are not working days);</item>
/// <item>the pre-shift briefing covers the run day itself (today's follow-ups; the queue as it stands);</item>
/// <item>weekly reports run on the Sunday that ends their ISO week (<c>yyyyWww</c>) and cover the seven days before it,
/// except the self-growth weekly learning report, which runs on that week's Thursday (15:00) and covers the seven days
/// before it (Thursday–Wednesday), and the founder auto-action review pack and the product weekly trend report, which run on that week's Friday (08:00 and 07:30) and
/// covers the seven days before it (Friday–Thursday);</item>
/// <item>the self-growth daily brief covers the day before (Sunday's: Thursday–Saturday), like the digests;</item>
/// <item>monthly reports (<c>yyyyMM</c>) run on the 1st of that month and cover the calendar month before it.</item>
/// </list>
/// Pure.
/// </summary>
public static class ReportWindows
{
    private static readonly TimeSpan Ast = TimeSpan.FromHours(3);

    /// <summary>The window of <paramref name="kind"/> for <paramref name="period"/>, or null when the period is not a valid key for it.</summary>
    public static ReportWindow? For(ReportKind kind, string? period)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.Monthly)
        {
            // Run on the 1st of the period's month; covers the calendar month before it.
            return ParseMonth(period) is { } first ? Window(first.AddMonths(-1), first, first) : null;
        }

        if (kind.Weekly)
        {
            if (ParseWeek(period) is not { } sunday)
            {
                return null;
            }

            DateOnly runDay = kind.Name switch
            {
                ReportKinds.SelfGrowthWeeklyLearning => sunday.AddDays(-3),
                ReportKinds.FounderAutoActionReview or ReportKinds.WeeklyTrendReport => sunday.AddDays(-2),
                _ => sunday,
            };
            return Window(runDay.AddDays(-7), runDay, runDay);
        }

        if (ParseDay(period) is not { } day)
        {
            return null;
        }

        return kind.Name switch
        {
            ReportKinds.PreShiftBriefing => Window(day, day.AddDays(1), day),
            _ when day.DayOfWeek == DayOfWeek.Sunday => Window(day.AddDays(-3), day, day),
            _ => Window(day.AddDays(-1), day, day),
        };
    }

    /// <summary>The period key of <paramref name="kind"/> that contains the AST day of <paramref name="nowUtc"/> (the latest when none is given).</summary>
    public static string CurrentPeriod(ReportKind kind, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(kind);
        DateTime ast = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc) + Ast;
        if (kind.Monthly)
        {
            return ast.ToString("yyyyMM", CultureInfo.InvariantCulture);
        }

        return kind.Weekly
            ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(ast)}W{ISOWeek.GetWeekOfYear(ast):00}")
            : ast.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }

    /// <summary>The AST day of a <c>yyyyMMdd</c> key, or null.</summary>
    public static DateOnly? ParseDay(string? period) =>
        period is { Length: 8 } && DateOnly.TryParseExact(period, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day) ? day : null;

    /// <summary>The first AST day of a <c>yyyyMM</c> key, or null.</summary>
    public static DateOnly? ParseMonth(string? period) =>
        period is { Length: 6 } && period.All(char.IsAsciiDigit) && DateOnly.TryParseExact(period + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly first)
            ? first
            : null;

    /// <summary>The Sunday that ends the ISO week of a <c>yyyyWww</c> key, or null.</summary>
    public static DateOnly? ParseWeek(string? period)
    {
        if (period is not { Length: 7 } || period[4] != 'W'
            || !int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(period.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int week)
            || year is < 2000 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Sunday));
    }

    /// <summary>The UTC instant of 00:00 AST on <paramref name="day"/>.</summary>
    public static DateTime StartOfDay(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Ast, DateTimeKind.Utc);

    private static ReportWindow Window(DateOnly from, DateOnly to, DateOnly runDay)
    {
        DateOnly last = to.AddDays(-1);
        string label = from == last
            ? string.Create(CultureInfo.InvariantCulture, $"{from:ddd yyyy-MM-dd} (AST)")
            : string.Create(CultureInfo.InvariantCulture, $"{from:ddd yyyy-MM-dd} – {last:ddd yyyy-MM-dd} (AST)");
        return new ReportWindow(StartOfDay(from), StartOfDay(to), runDay, label);
    }
}
