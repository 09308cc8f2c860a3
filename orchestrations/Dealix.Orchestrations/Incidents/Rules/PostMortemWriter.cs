using System.Globalization;
using System.Text;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Incidents.Rules;

/// <summary>
/// Drafts the §13.4 post-mortem of a resolved incident from what the workflow knows: id, severity and title, the UTC
/// timeline, impact as reported, the PDPL decision, the communication log and the correlation id. Root cause, what went
/// well and wrong, and the action items are left as prompts for the owner (the commander), due 5 business days after
/// resolution (10 for SEV3). Pure.
/// </summary>
public static class PostMortemWriter
{
    /// <summary>The draft for <paramref name="state"/>, written at <paramref name="nowUtc"/>.</summary>
    public static PostMortemDraft Draft(IncidentState state, IncidentOpenRequest request, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        DateTime resolved = state.ResolvedAt ?? nowUtc;
        DateTime due = BusinessCalendar.AddBusinessDays(resolved, state.Severity == IncidentSeverity.SEV3 ? 10 : 5);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Post-mortem {state.IncidentId} ({state.Severity}): {state.Title}");
        md.AppendLine();
        md.AppendLine("## Timeline (UTC)");
        Line(md, "detected", state.DetectedAt);
        Line(md, "acknowledged", state.AcknowledgedAt);
        Line(md, "frozen", state.FrozenAt);
        Line(md, "contained", state.ContainedAt);
        Line(md, "resolved", state.ResolvedAt);
        Line(md, "unfrozen", state.UnfrozenAt);
        md.AppendLine();
        md.AppendLine("## Impact");
        md.AppendLine(CultureInfo.InvariantCulture, $"- affected customers: {request.AffectedCustomers}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- data leak: {Yes(request.HasDataLeak)}; unauthorised send: {Yes(request.HasUnauthorizedSend)}; personal data exposed: {Yes(request.PersonalDataExposed)}");
        md.AppendLine("- contacts and messages affected, data categories: _to fill from the Action Ledger review_");
        md.AppendLine();
        md.AppendLine("## Root cause");
        md.AppendLine("_to fill_");
        md.AppendLine();
        md.AppendLine("## What went well");
        md.AppendLine("_to fill_");
        md.AppendLine();
        md.AppendLine("## What went wrong");
        md.AppendLine("_to fill_");
        md.AppendLine();
        md.AppendLine("## Action items (owner, due date)");
        foreach (IncidentStepState step in state.Steps.Where(s => s.Status != "completed"))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- [ ] {step.Title} (owner {step.OwnerRole}, due {Iso(step.DueAt)})");
        }

        md.AppendLine("- _add the fixes that prevent a recurrence_");
        md.AppendLine();
        md.AppendLine("## Plan steps");
        foreach (IncidentStepState step in state.Steps)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {step.Key}: {step.Status}{(step.By is null ? string.Empty : " by " + step.By)}{(step.At is { } at ? " at " + Iso(at) : string.Empty)}");
        }

        md.AppendLine();
        md.AppendLine("## PDPL");
        md.AppendLine(CultureInfo.InvariantCulture, $"- notification required: {Yes(state.Pdpl.Required)}; status: {state.Pdpl.Status}; due: {Iso(state.Pdpl.DueAt)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- reference: {state.Pdpl.Reference ?? "none"}; decided by: {state.Pdpl.DecidedBy ?? "nobody yet"}");
        md.AppendLine();
        md.AppendLine("## Customer-communication log");
        md.AppendLine(CultureInfo.InvariantCulture, $"- drafts: {state.UpdatesDrafted}");
        foreach (IncidentUpdateState update in state.Updates)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Iso(update.CreatedAt)} {update.Kind} {update.DraftId}: {update.Status}");
        }

        md.AppendLine();
        md.AppendLine("## Correlation ids reviewed");
        md.AppendLine(CultureInfo.InvariantCulture, $"- {state.CorrelationId}");
        return new PostMortemDraft(state.Tenant, state.IncidentId, state.Commander, due, nowUtc, md.ToString());
    }

    private static void Line(StringBuilder md, string what, DateTime? at) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"- {what}: {(at is { } value ? Iso(value) : "—")}");

    private static string Iso(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Yes(bool value) => value ? "yes" : "no";
}
