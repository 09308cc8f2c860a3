using System.Globalization;
using Dealix.Orchestrations.Reports.Rules;

namespace Dealix.Orchestrations.Content.Rules;

/// <summary>ISO weeks (<c>yyyyWww</c>) of the content calendar, in AST. Pure.</summary>
public static class ContentWeeks
{
    /// <summary>The week key of an AST day.</summary>
    public static string Key(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>The Monday (AST) a week key starts on, or null when it is no valid key.</summary>
    public static DateOnly? Monday(string? week) => ReportWindows.ParseWeek(week) is { } sunday ? sunday.AddDays(-6) : null;

    /// <summary>The week <paramref name="weeks"/> weeks after (negative: before) <paramref name="week"/>.</summary>
    public static string Shift(string week, int weeks) =>
        Key(Monday(week) is { } monday ? monday.AddDays(7 * weeks) : throw new ArgumentException($"Not a week key: '{week}'.", nameof(week)));
}
