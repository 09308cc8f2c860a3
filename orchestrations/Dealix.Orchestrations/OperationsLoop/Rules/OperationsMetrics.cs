using System.Globalization;

namespace Dealix.Orchestrations.OperationsLoop.Rules;

/// <summary>
/// The figures the operations loop reads (§17.4 inputs) and what a valid figure is: <c>runway_months</c> (0–600),
/// <c>revenue_sar</c> and <c>expenses_sar</c> (the day's amounts, 0–1,000,000,000 SAR, at most 2 decimals),
/// <c>uptime_pct</c> (the day's uptime, 0–100, at most 3 decimals), <c>velocity</c> (the tracker's velocity over the 7
/// days ending that day, 0–100,000, at most 2 decimals) and <c>velocity_baseline</c> (the team's own baseline, &gt; 0;
/// optional: without it the baseline is the trailing median). A day is an AST date no later than today (AST) and no more
/// than 3 years back. Pure.
/// </summary>
public static class OperationsMetrics
{
    // WARNING: the names are stored (row keys) and are route segments; never rename.
    public const string RunwayMonths = "runway_months";
    public const string RevenueSar = "revenue_sar";
    public const string ExpensesSar = "expenses_sar";
    public const string UptimePct = "uptime_pct";
    public const string Velocity = "velocity";
    public const string VelocityBaseline = "velocity_baseline";

    /// <summary>How far back a figure may be dated.</summary>
    public const int MaxAgeDays = 3 * 366;

    private static readonly TimeSpan Ast = TimeSpan.FromHours(3);

    /// <summary>Every metric with its range (inclusive, except a baseline's 0) and decimals.</summary>
    public static IReadOnlyDictionary<string, (decimal Min, decimal Max, int Decimals, bool Positive)> All { get; } =
        new Dictionary<string, (decimal, decimal, int, bool)>(StringComparer.Ordinal)
        {
            [RunwayMonths] = (0m, 600m, 2, false),
            [RevenueSar] = (0m, 1_000_000_000m, 2, false),
            [ExpensesSar] = (0m, 1_000_000_000m, 2, false),
            [UptimePct] = (0m, 100m, 3, false),
            [Velocity] = (0m, 100_000m, 2, false),
            [VelocityBaseline] = (0m, 100_000m, 2, true),
        };

    /// <summary>The AST day of <paramref name="nowUtc"/>.</summary>
    public static DateOnly Today(DateTime nowUtc) => DateOnly.FromDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc) + Ast);

    /// <summary>Why <paramref name="metric"/> is not a metric, or null.</summary>
    public static string? MetricProblem(string? metric) =>
        metric is not null && All.ContainsKey(metric) ? null : $"Unknown metric '{metric}'. Metrics: {string.Join(", ", All.Keys)}.";

    /// <summary>The AST day of a <c>yyyy-MM-dd</c> text if it is a valid figure day as of <paramref name="nowUtc"/>, else the reason.</summary>
    public static (DateOnly? Day, string? Problem) ParseDay(string? text, DateTime nowUtc)
    {
        if (text is not { Length: 10 } || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return (null, "The day must be an AST date yyyy-MM-dd (e.g. 2026-12-05).");
        }

        DateOnly today = Today(nowUtc);
        return day > today ? (null, $"The day {text} is in the future (today is {today:yyyy-MM-dd} AST).")
            : day < today.AddDays(-MaxAgeDays) ? (null, $"The day {text} is more than 3 years back.")
            : (day, null);
    }

    /// <summary>Why <paramref name="value"/> is not a valid figure of <paramref name="metric"/>, or null.</summary>
    public static string? ValueProblem(string metric, decimal value)
    {
        (decimal min, decimal max, int decimals, bool positive) = All[metric];
        return (positive ? value > min : value >= min) && value <= max && decimal.Round(value, decimals) == value
            ? null
            : $"{metric} must be a number {(positive ? ">" : "≥")} {min.ToString(CultureInfo.InvariantCulture)} and ≤ {max.ToString(CultureInfo.InvariantCulture)} with at most {decimals} decimals.";
    }
}
