using Dealix.Orchestrations.OperationsLoop.Contracts;

namespace Dealix.Orchestrations.OperationsLoop.Rules;

/// <summary>
/// Figures over days from the metrics store: the 7-day uptime (the mean of the daily uptime figures of the 7 AST days
/// before a day; each day weighs the same, as days are equally long), a sum over days (revenue), the latest figure in a
/// look-back, and the trailing median. A figure with no measured day is null ("not measured"), never 0. Pure.
/// </summary>
public static class OperationsFigures
{
    /// <summary>The checks' window: the 7 days before the run day.</summary>
    public const int WindowDays = 7;

    /// <summary>The mean uptime of the <see cref="WindowDays"/> days before <paramref name="day"/> (3 decimals), with the days measured.</summary>
    public static (decimal? Percent, int Days) Uptime7d(IEnumerable<MetricPoint> metrics, DateOnly day)
    {
        decimal[] values = [.. In(metrics, OperationsMetrics.UptimePct, day.AddDays(-WindowDays), day).Select(p => p.Value)];
        return (values.Length == 0 ? null : decimal.Round(values.Sum() / values.Length, 3, MidpointRounding.AwayFromZero), values.Length);
    }

    /// <summary>The sum of <paramref name="metric"/> over [<paramref name="from"/>, <paramref name="to"/>), with the days measured.</summary>
    public static (decimal? Sum, int Days) Sum(IEnumerable<MetricPoint> metrics, string metric, DateOnly from, DateOnly to)
    {
        decimal[] values = [.. In(metrics, metric, from, to).Select(p => p.Value)];
        return (values.Length == 0 ? null : values.Sum(), values.Length);
    }

    /// <summary>The latest figure of <paramref name="metric"/> in [<paramref name="from"/>, <paramref name="to"/>), or null.</summary>
    public static MetricPoint? Latest(IEnumerable<MetricPoint> metrics, string metric, DateOnly from, DateOnly to) =>
        In(metrics, metric, from, to).LastOrDefault();

    /// <summary>The median of <paramref name="metric"/>'s figures in [<paramref name="from"/>, <paramref name="to"/>), with how many there were.</summary>
    public static (decimal? Median, int Count) Median(IEnumerable<MetricPoint> metrics, string metric, DateOnly from, DateOnly to)
    {
        decimal[] values = [.. In(metrics, metric, from, to).Select(p => p.Value).Order()];
        if (values.Length == 0)
        {
            return (null, 0);
        }

        int middle = values.Length / 2;
        return (values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2, values.Length);
    }

    /// <summary>The figures of <paramref name="metric"/> dated in [<paramref name="from"/>, <paramref name="to"/>), by day.</summary>
    public static IEnumerable<MetricPoint> In(IEnumerable<MetricPoint> metrics, string metric, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.Where(p => p.Metric == metric && p.Day >= from && p.Day < to)
            .GroupBy(p => p.Day).Select(g => g.Last()).OrderBy(p => p.Day);
    }
}
