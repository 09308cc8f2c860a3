namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>One action item of a digest: a code (e.g. <c>open_p0_tickets</c>), how many, and the line in English and Arabic.</summary>
public sealed record ActionItem(string Code, int Count, string Text, string TextAr);
