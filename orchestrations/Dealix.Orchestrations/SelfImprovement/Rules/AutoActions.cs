using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Rules;

/// <summary>
/// Which ledger lines are the loops' auto-actions, which of them (and of the approved loop actions) can be reverted
/// (§17.7), and which are reverted already. An auto-action is a line the automation applied on its own
/// (<c>auto_approved = true</c>, outcome <c>applied</c>); auto-replies are not (their lines say <c>queued</c> or
/// <c>sent</c>: a message cannot be taken back). A line can be reverted when it is an applied loop change the app can
/// undo (a budget change, paused failing ads), made automatically or after a human's approval, and no <c>revert</c>
/// line names it yet. Lines are never edited: a revert is a new line with <c>reverts_audit_id</c>. Pure.
/// </summary>
public static class AutoActions
{
    /// <summary>The action of a revert line.</summary>
    public const string Revert = "revert";

    /// <summary>The longest reason a reviewer may give for a revert.</summary>
    public const int MaxReason = 500;

    private static readonly HashSet<string> Undoable = new(StringComparer.Ordinal)
    {
        MarketingRules.IncreaseBudget, MarketingRules.ReduceBudget, MarketingRules.PauseFailingAds,
    };

    /// <summary>True when <paramref name="entry"/> is an action the automation applied without a human.</summary>
    public static bool IsAutoAction(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry is { AutoApproved: true, Outcome: "applied" } && entry.Action != Revert;
    }

    /// <summary>The loop a line belongs to (§17.7 field <c>loop</c>), or null for a line of no loop.</summary>
    public static string? Loop(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Undoable.Contains(entry.Action) ? MarketingRules.Loop : null;
    }

    /// <summary>The ids of the lines a <c>revert</c> line names.</summary>
    public static IReadOnlySet<string> RevertedIds(IEnumerable<AuditEntry> ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Where(e => e.Action == Revert && e.RevertsAuditId is not null).Select(e => e.RevertsAuditId!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Why <paramref name="entry"/> cannot be reverted (<c>already_reverted</c>, <c>not_revertible</c>), or null when it
    /// can; <paramref name="reverted"/> is <see cref="RevertedIds"/> of the tenant's ledger.
    /// </summary>
    public static string? WhyNot(AuditEntry entry, IReadOnlySet<string> reverted)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(reverted);
        if (reverted.Contains(entry.EntryId))
        {
            return "already_reverted";
        }

        bool loopChange = Undoable.Contains(entry.Action) && entry.Outcome == "applied";
        return loopChange && (entry.AutoApproved || entry.ApprovalId is not null) ? null : "not_revertible";
    }

    /// <summary>The action that undoes <paramref name="entry"/>, as the guard sees it (<see cref="LoopGuard"/>), approved by the reviewer.</summary>
    public static Contracts.AutomatedAction Undo(AuditEntry entry, string correlationId, string reviewer)
    {
        ArgumentNullException.ThrowIfNull(entry);
        decimal? from = Amount(entry.From), to = Amount(entry.To);
        string action = entry.Action switch
        {
            MarketingRules.PauseFailingAds => "resume_ads",
            _ when to > from => MarketingRules.ReduceBudget,
            _ => MarketingRules.IncreaseBudget,
        };
        return new Contracts.AutomatedAction(entry.TenantId, action, correlationId, entry.Target) { From = to, To = from, ApprovedBy = reviewer };
    }

    /// <summary>A ledger amount (invariant decimal text) as a number, or null.</summary>
    public static decimal? Amount(string? value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal d) ? d : null;

    /// <summary>The route that reverts <paramref name="auditId"/>.</summary>
    public static string RevertRoute(string auditId) => $"/api/v1/audit/entries/{auditId}/revert";
}
