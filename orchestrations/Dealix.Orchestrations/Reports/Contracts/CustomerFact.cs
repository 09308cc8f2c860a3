using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>A customer under a customer-success cadence and its latest at-risk and health scores (null before the first scoring).</summary>
public sealed record CustomerFact(string CustomerId, string Bundle, DateTimeOffset StartedAt, int? RiskScore, RiskSeverity? Risk, int? HealthScore);
