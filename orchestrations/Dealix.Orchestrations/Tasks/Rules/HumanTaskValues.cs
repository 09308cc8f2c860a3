namespace Dealix.Orchestrations.Tasks.Rules;

/// <summary>The wire values of human tasks: areas, owner roles (§2), statuses and outcomes.</summary>
public static class HumanTaskValues
{
    public const string Open = "open";
    public const string Claimed = "claimed";
    public const string Completed = "completed";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";

    /// <summary>The actor of changes made by the backend itself.</summary>
    public const string Automation = "automation";

    public static IReadOnlyList<string> Areas { get; } = ["deal", "onboarding", "cs", "support", "incident", "ops"];

    /// <summary>
    /// The human roles of §2 (<c>founder</c>, <c>operator</c>, <c>team_lead</c>, <c>engineer</c>,
    /// <c>customer_approver</c>) and the contract's aliases (<c>csm</c> and <c>support</c> are operators,
    /// <c>customer</c> a customer's user).
    /// </summary>
    public static IReadOnlyList<string> Roles { get; } = ["founder", "operator", "team_lead", "engineer", "customer_approver", "customer", "csm", "support"];

    public static IReadOnlyList<string> Statuses { get; } = [Open, Claimed, Completed, Rejected, Cancelled];

    /// <summary>What an operator may end a task with; <c>cancelled</c> belongs to the owning workflow.</summary>
    public static IReadOnlyList<string> OperatorOutcomes { get; } = [Completed, Rejected];

    public static IReadOnlyList<string> Outcomes { get; } = [Completed, Rejected, Cancelled];
}
