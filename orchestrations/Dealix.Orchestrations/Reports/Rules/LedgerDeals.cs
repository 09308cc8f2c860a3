using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// What the audit ledger says about deals (targets <c>deal:…</c>): when each was first seen and its current stage (the
/// <c>to</c> of its last applied <c>stage_transition</c>, else <c>new_lead</c>), as of a point in time. Pure.
/// </summary>
internal static class LedgerDeals
{
    /// <summary>Stages a deal leaves the pipeline in.</summary>
    public static bool IsClosed(string stage) => stage is "closed_won" or "closed_lost" or "opted_out";

    /// <summary>Each deal first seen before <paramref name="asOf"/>, with its first line's time and its stage at <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<(string Deal, DateTime FirstSeen, string Stage)> AsOf(IEnumerable<AuditEntry> ledger, DateTime asOf) =>
        [.. ledger.Where(e => e.Target.StartsWith("deal:", StringComparison.Ordinal) && e.At < asOf)
            .GroupBy(e => e.Target, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Min(e => e.At),
                g.Where(e => e.Action == "stage_transition" && e.Outcome == "applied" && !string.IsNullOrEmpty(e.To))
                    .OrderBy(e => e.At).LastOrDefault()?.To ?? "new_lead"))];

    /// <summary>The applied stage transitions in the window.</summary>
    public static IEnumerable<AuditEntry> Moves(ReportFacts facts, ReportWindow window) =>
        ReportCounts.Lines(facts, window, "stage_transition").Where(e => e.Outcome == "applied");

    /// <summary>The <c>draft_decided</c> lines of the window: approved, edited (an <c>edit_and_approve</c>) and rejected, with the rejections' reason codes.</summary>
    public static (int Approved, int Edited, int Rejected, IReadOnlyList<string> RejectionReasons) Decisions(ReportFacts facts, ReportWindow window)
    {
        AuditEntry[] lines = [.. ReportCounts.Lines(facts, window, "draft_decided")];
        AuditEntry[] rejected = [.. lines.Where(e => e.Outcome == "rejected")];
        return (lines.Count(e => e.Outcome == "approved"),
            lines.Count(e => e.Outcome == "approved" && (e.Reason ?? string.Empty).StartsWith("edit_and_approve", StringComparison.Ordinal)),
            rejected.Length,
            [.. rejected.Select(e => ReasonCode(e.Reason))]);
    }

    /// <summary>The approval-SLA state of a pending draft now (§4.4): <c>breach</c> past its due time, <c>warning</c> past 75 %, else <c>pending</c>.</summary>
    public static string ApprovalSlaState(DraftFact draft, DateTime now)
    {
        Deals.Lifecycle.ApprovalPlan plan = Deals.Lifecycle.ApprovalPolicy.PlanFor(draft.Kind, draft.Stage, draft.Channel, draft.CreatedAt, windowClosesAt: null);
        if (plan.Steps.FirstOrDefault(s => s.Kind == ApprovalStepKind.Escalation) is { } due && now >= due.DueAt)
        {
            return "breach";
        }

        return plan.Steps.FirstOrDefault(s => s.Kind == ApprovalStepKind.Reminder) is { } warn && now >= warn.DueAt ? "warning" : "pending";
    }

    private static string ReasonCode(string? reason)
    {
        string code = (reason ?? string.Empty).Split([';', ' '], 2, StringSplitOptions.TrimEntries)[0];
        return code.Length == 0 ? "unspecified" : code;
    }
}
