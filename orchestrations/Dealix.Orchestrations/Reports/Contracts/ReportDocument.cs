namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// A built report: its header, the alert severity it deserves (<c>info</c>, <c>warning</c>, <c>critical</c>), the short
/// summary the operators are sent (one line each, English then Arabic where the domain gives labels) and the typed
/// content (<see cref="DailyDigest"/>, <see cref="MorningDigest"/>, …).
/// </summary>
public sealed record ReportDocument(ReportHeader Header, string Severity, IReadOnlyList<string> Summary, object Content);
