namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>Output of the <c>BuildReport</c> activity: the stored report's title, severity, summary and where to read it.</summary>
// WARNING: persisted in history.
public sealed record BuiltReport(string Kind, string Period, string Title, string Severity, IReadOnlyList<string> Summary, string? Link);
