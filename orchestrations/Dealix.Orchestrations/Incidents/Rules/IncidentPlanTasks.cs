using System.Globalization;
using System.Text.RegularExpressions;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Incidents.Rules;

/// <summary>
/// Turns an incident's response plan into the human tasks its owners acknowledge (§2 ownership pattern, §4.6, §13.2,
/// §13.3): the five canonical steps, then the steps of the severity, each with one owner role and a due time, plus the
/// founder's unfreeze decision when the incident froze its tenant. The incident commander is the founder for SEV1 and
/// the team_lead otherwise (§4.6 L2/L3). Pure: the detection instant is a parameter.
/// </summary>
public static partial class IncidentPlanTasks
{
    /// <summary>The key of the founder's unfreeze decision when the severity's steps do not name it.</summary>
    public const string UnfreezeKey = "unfreeze";

    /// <summary>The key of the canonical PDPL step, whose outcome records the notification decision.</summary>
    public const string PdplKey = "pdpl_72h_notification";

    /// <summary>The incident commander's role for a severity (§13.3).</summary>
    public static string Commander(IncidentSeverity severity) => severity == IncidentSeverity.SEV1 ? "founder" : "team_lead";

    /// <summary>True when triage asks for an automatic freeze (§13.3: SEV1 and SEV2).</summary>
    public static bool FreezesOnTriage(IncidentTriage triage)
    {
        ArgumentNullException.ThrowIfNull(triage);
        return triage.AutoActions.Contains("global_freeze") || triage.AutoActions.Contains("scoped_freeze");
    }

    /// <summary>True when the freeze is global (§13.2 step 1, SEV1: all sends and charges, via the kill switch).</summary>
    public static bool FreezesGlobally(IncidentTriage triage)
    {
        ArgumentNullException.ThrowIfNull(triage);
        return triage.AutoActions.Contains("global_freeze");
    }

    /// <summary>The plan's tasks in plan order.</summary>
    public static IReadOnlyList<IncidentPlanTask> For(IncidentResponsePlan plan, IncidentTriage triage, bool frozen, DateTime detectedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(triage);
        DateTime firstAction = detectedAtUtc.AddMinutes(triage.FirstActionMinutes);
        string commander = Commander(plan.Severity);
        var tasks = new List<IncidentPlanTask>();
        foreach (IncidentStep step in plan.CanonicalSteps)
        {
            (string owner, DateTime due) = step.Step switch
            {
                "freeze_live_actions" => ("engineer", firstAction),
                "notify_founder" => ("founder", plan.Severity == IncidentSeverity.SEV3 ? detectedAtUtc.AddDays(1) : firstAction),
                "create_incident_channel" => ("operator", firstAction),
                "review_action_ledger" => ("operator", detectedAtUtc.AddMinutes(triage.FirstActionMinutes * 4)),
                PdplKey => ("founder", plan.Pdpl.DueAt),
                _ => (commander, firstAction),
            };
            tasks.Add(new IncidentPlanTask(step.Step, $"{step.Title}: {step.Scope}", owner, due));
        }

        string prefix = plan.Severity.ToString().ToLowerInvariant();
        for (int i = 0; i < plan.SeveritySteps.Count; i++)
        {
            string text = plan.SeveritySteps[i];
            string lower = text.ToLowerInvariant();
            bool unfreeze = lower.Contains("unfreez", StringComparison.Ordinal);
            if (unfreeze && !frozen)
            {
                continue; // nothing was frozen, so there is nothing to lift
            }

            string owner = lower switch
            {
                _ when unfreeze => "founder",
                _ when lower.Contains("incident commander", StringComparison.Ordinal) => commander,
                _ when lower.Contains("credential", StringComparison.Ordinal) || lower.Contains("snapshot", StringComparison.Ordinal)
                    || lower.Contains("freeze", StringComparison.Ordinal) => "engineer",
                _ when lower.Contains("post-mortem", StringComparison.Ordinal) => commander,
                _ => "operator",
            };
            tasks.Add(new IncidentPlanTask(unfreeze ? UnfreezeKey : $"{prefix}_{i + 1}", text, owner, DueOf(lower, detectedAtUtc, firstAction), unfreeze));
        }

        if (frozen && !tasks.Any(t => t.Unfreeze))
        {
            tasks.Add(new IncidentPlanTask(UnfreezeKey, "Lift the incident freeze of the tenant (founder decision).", "founder", detectedAtUtc.AddHours(24), Unfreeze: true));
        }

        return tasks;
    }

    private static DateTime DueOf(string lower, DateTime detectedAtUtc, DateTime firstAction)
    {
        if (WithinHours().Match(lower) is { Success: true } hours)
        {
            return detectedAtUtc.AddHours(int.Parse(hours.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        if (WithinBusinessDays().Match(lower) is { Success: true } days)
        {
            return BusinessCalendar.AddBusinessDays(detectedAtUtc, int.Parse(days.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        return lower.Contains("unfreez", StringComparison.Ordinal) ? detectedAtUtc.AddHours(24) : firstAction;
    }

    [GeneratedRegex(@"within (\d+) h\b")]
    private static partial Regex WithinHours();

    [GeneratedRegex(@"within (\d+) business days")]
    private static partial Regex WithinBusinessDays();
}
