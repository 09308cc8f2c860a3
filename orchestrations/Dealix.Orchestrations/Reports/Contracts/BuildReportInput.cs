namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>Input of the <c>BuildReport</c> activity: whose report, which kind and period, and the orchestration's time.</summary>
// WARNING: persisted in history.
public sealed record BuildReportInput(string Tenant, string Kind, string Period, DateTime GeneratedAt, string CorrelationId);
