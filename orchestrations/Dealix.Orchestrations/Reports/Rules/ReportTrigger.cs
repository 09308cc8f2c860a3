namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// What started a report run, from the trigger the scheduler passes (<c>timer:{job}:{period}</c>, see
/// <c>ScheduledJobOrchestrator</c>) or the one the on-request route passes (<c>request:{kind}:{period}</c>). Pure.
/// </summary>
public static class ReportTrigger
{
    /// <summary>The trigger of an on-request run.</summary>
    public static string Request(string kind, string period) => $"request:{kind}:{period}";

    /// <summary>The kind and period a trigger names, or null when it names no built report or no valid period for it.</summary>
    public static (ReportKind Kind, string Period)? Parse(string? trigger)
    {
        string[] parts = (trigger ?? string.Empty).Split(':');
        if (parts.Length != 3)
        {
            return null;
        }

        ReportKind? kind = parts[0] switch
        {
            "timer" => ReportKinds.ForJob(parts[1]),
            "request" => ReportKinds.Find(parts[1]),
            _ => null,
        };
        return kind is not null && ReportWindows.For(kind, parts[2]) is not null ? (kind, parts[2]) : null;
    }
}
