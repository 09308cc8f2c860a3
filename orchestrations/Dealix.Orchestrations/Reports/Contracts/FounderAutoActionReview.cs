namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The founder's weekly auto-action review pack (§17.7 "Weekly review", §18 Friday 08:00 AST, covering the seven days
/// before it): how many auto-actions there were, by loop and action; for each its from/to, reason, whether it is
/// reverted, whether it still looks right on the campaign's current figures, and the route that reverts it; the ones to
/// review first on top.
/// </summary>
/// <param name="AutoActions">Auto-actions applied in the week (<c>auto_approved</c>, outcome <c>applied</c>).</param>
/// <param name="Reverted">Of those, reverted (a <c>revert</c> line names them, up to the window's end).</param>
/// <param name="StillJustified">Not reverted, and the condition that triggered them still holds on the current figures.</param>
/// <param name="NeedsReview">Not reverted, and the condition no longer holds (or the campaign is gone): review these first.</param>
/// <param name="NotJudged">Not reverted, of an action the review rule does not judge.</param>
/// <param name="ByLoopAndAction">Counts per loop and action.</param>
/// <param name="ReviewFirst">The <c>needs_review</c> actions: budget raises first, then by time.</param>
/// <param name="Actions">Every auto-action of the week, in time order.</param>
/// <param name="AutoRepliesSent">Messages sent without an operator's approval in the week (§8.6); not revertible, listed for context.</param>
/// <param name="ReviewRule">The rule that sorts the actions into still justified and needs review.</param>
/// <param name="NotMeasured">What the stores do not record.</param>
public sealed record FounderAutoActionReview(
    int AutoActions,
    int Reverted,
    int StillJustified,
    int NeedsReview,
    int NotJudged,
    IReadOnlyList<AutoActionCount> ByLoopAndAction,
    IReadOnlyList<AutoActionReviewItem> ReviewFirst,
    IReadOnlyList<AutoActionReviewItem> Actions,
    int AutoRepliesSent,
    string ReviewRule,
    IReadOnlyList<NotMeasured> NotMeasured);

/// <summary>Auto-actions of one loop and action in the week, and how many of them are reverted.</summary>
public sealed record AutoActionCount(string Loop, string Action, int Count, int Reverted);

/// <summary>
/// One auto-action in the pack: the ledger line (<see cref="AuditId"/>, time, loop, action, campaign or entity, from/to,
/// reason), whether it is reverted (and by which line), the verdict (<c>reverted</c>, <c>still_justified</c>,
/// <c>needs_review</c>, <c>not_judged</c>) with why, and whether the revert route can still undo it
/// (<see cref="RevertRoute"/>) or what blocks it.
/// </summary>
public sealed record AutoActionReviewItem(
    string AuditId,
    DateTime At,
    string Loop,
    string Action,
    string Target,
    decimal? From,
    decimal? To,
    string? Reason,
    bool Reverted,
    string? RevertedBy,
    string Verdict,
    string? ReviewReason,
    string? RevertRoute,
    string? RevertBlocked);
