using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.OperationsLoop.Contracts;

/// <summary>
/// What the operations loop reads for one tenant and AST day: the metric figures of the 35 days up to that day, the
/// customers under a customer-success cadence with their health inputs, and which of the six days before already have
/// an uptime post-mortem or a retro task (so one bad stretch raises one of each, not one a day).
/// </summary>
// WARNING: persisted in history.
public sealed record OperationsFacts(
    IReadOnlyList<MetricPoint> Metrics,
    IReadOnlyList<OpsCustomer> Customers,
    IReadOnlyList<string> RecentPostMortems,
    IReadOnlyList<string> RecentRetroTasks);

/// <summary>A customer under a cadence and its last reported health inputs (§14.3, §14.5).</summary>
// WARNING: persisted in history.
public sealed record OpsCustomer(string CustomerId, HealthInputs Health);

/// <summary>Input of <see cref="Activities.ReadOperationsFacts"/>: the tenant and the AST day (<c>yyyyMMdd</c>).</summary>
// WARNING: persisted in history.
public sealed record OpsFactsInput(string Tenant, string Period);
