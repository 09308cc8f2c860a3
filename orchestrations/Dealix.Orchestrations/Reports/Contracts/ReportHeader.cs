namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>What every report starts with: which report, for whom, over which window, and its titles in English and Arabic.</summary>
public sealed record ReportHeader(string Kind, string Tenant, string Period, DateTime WindowStart, DateTime WindowEnd, string WindowLabel,
    string Title, string TitleAr, DateTime GeneratedAt);
