namespace Dealix.Benchmarks;

/// <summary>Nearest-rank percentiles (the ⌈p·n⌉-th smallest value), as the peers kit reports them.</summary>
internal static class Percentiles
{
    public static double NearestRank(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static Dictionary<string, object> Summary(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return new()
        {
            ["n"] = sorted.Length,
            ["p50_ms"] = Math.Round(NearestRank(sorted, 0.50), 2),
            ["p99_ms"] = Math.Round(NearestRank(sorted, 0.99), 2),
            ["max_ms"] = Math.Round(sorted.Length == 0 ? double.NaN : sorted[^1], 2),
            ["mean_ms"] = Math.Round(sorted.Length == 0 ? double.NaN : sorted.Average(), 2),
        };
    }
}
