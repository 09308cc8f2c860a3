using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Incidents.Rules;

/// <summary>
/// The customer-communication cadence (§13.1) and the §13.5 drafts: SEV1 every 30 minutes until contained, then every
/// 4 hours; SEV2 every 2 hours; SEV3 once per business day. Updates stop when the incident is resolved, which gets the
/// resolved message. Pure.
/// </summary>
public static class IncidentCommunication
{
    /// <summary>Template kinds of §13.5.</summary>
    public const string Initial = "initial", Update = "update", Resolved = "resolved";

    // The status lines of the update template (§13.5 {status}, {next_step}); Khaliji Arabic like the other templates.
    private const string InProgress = "نعمل على معالجة المشكلة";
    private const string ContainedStatus = "تم احتواء المشكلة ونتابع المعالجة";
    private const string NextStepInvestigate = "التحقق من السبب ومراجعة سجل الإجراءات";
    private const string NextStepRestore = "استعادة العمل الطبيعي بعد التحقق";
    private const string DefaultScope = "بعض خدماتكم لدينا";

    /// <summary>When the next update is due after <paramref name="fromUtc"/>.</summary>
    public static DateTime NextUpdateAt(IncidentSeverity severity, bool contained, DateTime fromUtc) => severity switch
    {
        IncidentSeverity.SEV1 => fromUtc + (contained ? TimeSpan.FromHours(4) : TimeSpan.FromMinutes(30)),
        IncidentSeverity.SEV2 => fromUtc + TimeSpan.FromHours(2),
        _ => Deals.Lifecycle.BusinessCalendar.AddBusinessDays(fromUtc, 1),
    };

    /// <summary>The Arabic text of a draft of <paramref name="kind"/>.</summary>
    public static string Text(string kind, IncidentSeverity severity, string? scope, bool contained, string? note)
    {
        var values = new Dictionary<string, string>
        {
            ["scope"] = string.IsNullOrWhiteSpace(scope) ? DefaultScope : scope,
            ["status"] = string.IsNullOrWhiteSpace(note) ? (contained ? ContainedStatus : InProgress) : note,
            ["next_step"] = contained ? NextStepRestore : NextStepInvestigate,
        };
        return IncidentPlaybook.CustomerMessage(kind, severity, values);
    }
}
