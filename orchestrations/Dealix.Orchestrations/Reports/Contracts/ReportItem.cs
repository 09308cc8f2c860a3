namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>One blocker, risk or experiment line of a pack: a stable code, how many, the line in English and Arabic, and the store it comes from.</summary>
public sealed record ReportItem(string Code, int Count, string Text, string TextAr, string Source);
