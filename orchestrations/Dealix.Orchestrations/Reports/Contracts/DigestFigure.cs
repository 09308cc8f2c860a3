namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// A figure of the operations metrics store in a digest: its exact <see cref="Amount"/> and <see cref="Value"/> as text, or
/// null and <c>not measured</c> (never 0) when no day of its span has a figure; <see cref="DaysMeasured"/> of
/// <see cref="Days"/> days had one.
/// </summary>
public sealed record DigestFigure(string Field, decimal? Amount, string Value, string Unit, int DaysMeasured, int Days);
