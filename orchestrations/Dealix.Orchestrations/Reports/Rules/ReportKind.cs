namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// One kind of report: its wire name (routes, storage keys), the §18 job that produces it on schedule (null: on
/// request only), whether its period is a day (<c>yyyyMMdd</c>), an ISO week (<c>yyyyWww</c>) or a month (<c>yyyyMM</c>,
/// <paramref name="Monthly"/>), the §2 role it is for, and its titles in English and Arabic.
/// </summary>
public sealed record ReportKind(string Name, string? Job, bool Weekly, string OwnerRole, string Title, string TitleAr, bool Monthly = false);
