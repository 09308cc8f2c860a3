namespace Dealix.Orchestrations.OperationsLoop.Contracts;

/// <summary>
/// One figure of the operations metrics store (§17.4 inputs): a metric of <see cref="Rules.OperationsMetrics.All"/> for
/// one AST day, as an uptime monitor, a finance export or a tracker pushed it. Exact decimals; no names or messages.
/// </summary>
/// <param name="Metric">e.g. <c>runway_months</c>, <c>uptime_pct</c>.</param>
/// <param name="Day">The AST day the figure is for.</param>
/// <param name="Value">The figure.</param>
/// <param name="Source">Who pushed it (e.g. <c>uptime_monitor</c>), optional.</param>
/// <param name="UpdatedAt">When it was stored.</param>
// WARNING: persisted in history and in the OperationsMetrics table.
public sealed record MetricPoint(string Metric, DateOnly Day, decimal Value, string? Source = null, DateTimeOffset? UpdatedAt = null);
