using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Incidents.Rules;

/// <summary>
/// Incident triage and response planning (DOMAIN.md §13) from <c>Incidents/Data/incident-playbook.json</c>.
/// SEV1 for a data leak or unauthorised send whatever the count; SEV2 for five or more affected customers;
/// SEV3 otherwise. Automatic promotion: a description that the P0 safety rules read as a leak, breach,
/// unauthorised send or charge is treated as SEV1 even when the flags were not set (the safe side).
/// Pure: the detection instant is a parameter.
/// </summary>
public static class IncidentPlaybook
{
    /// <summary>Affected customers from which an incident is at least SEV2.</summary>
    public const int Sev2AffectedCustomers = 5;

    /// <summary>The PDPL notification window.</summary>
    public static readonly TimeSpan PdplWindow = TimeSpan.FromHours(72);

    private static readonly PlaybookFile Playbook = EmbeddedData.ReadJson<PlaybookFile>("Incidents.Data.incident-playbook.json");

    /// <summary>Triage per §13.1 with the automatic promotion described above.</summary>
    public static IncidentTriage Triage(IncidentTriageInput input)
    {
        var reasons = new List<string>();
        bool leak = input.HasDataLeak;
        bool unauthorized = input.HasUnauthorizedSend;
        if (!leak && !unauthorized && !string.IsNullOrWhiteSpace(input.Description))
        {
            List<string> p0 = TicketRules.Default.Matches(TicketPriority.P0, Tokenizer.Analyze(input.Description));
            if (p0.Count > 0)
            {
                reasons.Add("promoted: the description reads as a leak, breach or unauthorised action (" + string.Join(", ", p0.Take(3)) + ")");
                leak = true;
            }
        }

        IncidentSeverity severity;
        if (leak || unauthorized)
        {
            severity = IncidentSeverity.SEV1;
            reasons.Add(input.HasDataLeak ? "data leak" : input.HasUnauthorizedSend ? "unauthorised send" : "safety rule on the description");
        }
        else if (input.AffectedCustomers >= Sev2AffectedCustomers)
        {
            severity = IncidentSeverity.SEV2;
            reasons.Add($"{input.AffectedCustomers} affected customers");
        }
        else
        {
            severity = IncidentSeverity.SEV3;
            reasons.Add("no leak or unauthorised send, fewer than 5 affected customers");
        }

        SeverityRow row = Row(severity);
        // A leak always counts; an unauthorised send counts when it exposed personal data (§13.2 step 5).
        bool pdpl = leak || input.PersonalDataExposed;
        return new IncidentTriage(severity, row.FirstActionMinutes, row.CommCadence, row.AutoActions, reasons, pdpl);
    }

    /// <summary>The response plan of a triaged incident detected at <paramref name="detectedAtUtc"/>.</summary>
    public static IncidentResponsePlan Plan(IncidentTriage triage, DateTime detectedAtUtc)
    {
        SeverityRow row = Row(triage.Severity);
        string key = triage.Severity.ToString();
        IReadOnlyList<IncidentStep> steps = [.. Playbook.CanonicalSteps.OrderBy(s => s.Order)
            .Select(s => new IncidentStep(s.Order, s.Step, s.Title, s.Scope.TryGetValue(key, out string? scope) ? scope : string.Empty))];
        return new IncidentResponsePlan(triage.Severity, steps, row.ExtraSteps, Playbook.PostMortemSections, Deadline(detectedAtUtc, triage.PdplNotificationRequired));
    }

    /// <summary>The PDPL clock: due 72 h after detection, reminders at +24, +48 and +60 h.</summary>
    public static PdplDeadline Deadline(DateTime detectedAtUtc, bool notificationRequired) =>
        new(detectedAtUtc, detectedAtUtc + PdplWindow,
            [detectedAtUtc.AddHours(24), detectedAtUtc.AddHours(48), detectedAtUtc.AddHours(60)], notificationRequired);

    /// <summary>True when the PDPL notification is overdue at <paramref name="nowUtc"/> (neither sent nor declared not required).</summary>
    public static bool IsPdplOverdue(PdplDeadline deadline, DateTime nowUtc, bool markedSentOrNotRequired) =>
        !markedSentOrNotRequired && nowUtc > deadline.DueAt;

    /// <summary>The incident channel name, <c>inc-YYYYMMDD-&lt;short-id&gt;</c>, from detection time and incident id.</summary>
    public static string ChannelName(DateTime detectedAtUtc, string incidentId)
    {
        string shortId = new([.. incidentId.Where(char.IsLetterOrDigit).Take(6)]);
        return $"inc-{detectedAtUtc:yyyyMMdd}-{shortId.ToLowerInvariant()}";
    }

    /// <summary>An Arabic customer-communication template (initial, update, resolved) with placeholders filled.</summary>
    public static string CustomerMessage(string kind, IncidentSeverity severity, IReadOnlyDictionary<string, string> values)
    {
        string text = Playbook.CustomerTemplates.TryGetValue(kind, out string? template)
            ? template
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown template: use initial, update or resolved.");
        text = text.Replace("{cadence}", Row(severity).CommCadenceAr, StringComparison.Ordinal);
        foreach ((string key, string value) in values)
        {
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    private static SeverityRow Row(IncidentSeverity severity) => Playbook.Severities.Single(s => s.Severity == severity);

    private sealed record PlaybookFile(List<SeverityRow> Severities, List<StepRow> CanonicalSteps, List<string> PostMortemSections,
        Dictionary<string, string> CustomerTemplates);

    private sealed record SeverityRow(IncidentSeverity Severity, int FirstActionMinutes, string CommCadence, string CommCadenceAr,
        List<string> AutoActions, List<string> ExtraSteps);

    private sealed record StepRow(int Order, string Step, string Title, Dictionary<string, string> Scope);
}
