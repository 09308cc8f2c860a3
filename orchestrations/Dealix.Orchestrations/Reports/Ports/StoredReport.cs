namespace Dealix.Orchestrations.Reports.Ports;

/// <summary>A stored report: its key (tenant, kind, period), when it was built, its alert severity and its JSON document.</summary>
public sealed record StoredReport(string Tenant, string Kind, string Period, DateTime GeneratedAt, string Severity, string Json);
