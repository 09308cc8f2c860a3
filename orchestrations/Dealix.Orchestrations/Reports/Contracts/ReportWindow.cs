namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The period a report covers: [<see cref="Start"/>, <see cref="End"/>) in UTC, its AST run day, and a label in AST
/// (e.g. <c>Thu 2026-12-03 – Sat 2026-12-05 (AST)</c>).
/// </summary>
public sealed record ReportWindow(DateTime Start, DateTime End, DateOnly RunDay, string Label);
