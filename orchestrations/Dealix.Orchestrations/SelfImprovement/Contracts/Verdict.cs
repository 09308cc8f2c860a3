namespace Dealix.Orchestrations.SelfImprovement.Contracts;

/// <summary>
/// What the guard says about an <see cref="AutomatedAction"/>: <c>allowed</c>, <c>needs_approval</c> (§17.5: it waits
/// for a human in the approval center) or <c>refused</c> (a red line of §17.9, or a Class B action without a correlation
/// id, §4.1). <see cref="Code"/> names the rule (e.g. <c>red_line_money</c>), <see cref="Reason"/> explains it.
/// </summary>
public sealed record Verdict(string Outcome, string Code, string Reason)
{
    public const string AllowedOutcome = "allowed";
    public const string NeedsApprovalOutcome = "needs_approval";
    public const string RefusedOutcome = "refused";

    public bool IsAllowed => Outcome == AllowedOutcome;

    public bool IsRefused => Outcome == RefusedOutcome;

    public static Verdict Allowed(string code, string reason) => new(AllowedOutcome, code, reason);

    public static Verdict NeedsApproval(string code, string reason) => new(NeedsApprovalOutcome, code, reason);

    public static Verdict Refused(string code, string reason) => new(RefusedOutcome, code, reason);
}
