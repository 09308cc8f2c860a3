using Dealix.Orchestrations.SelfImprovement.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Rules;

/// <summary>
/// Auto-allowed actions versus actions that need approval (DOMAIN.md §17.5), for actions that cross no red line:
/// a budget increase of up to +30 % and pausing failing ads apply automatically (still audited); every budget
/// reduction, a campaign launch, a brand-messaging change, a bulk e-mail to more than 100 people and any
/// customer-facing message wait for a human in the approval center. An action a human approved is allowed. Pure.
/// </summary>
public static class AutoActionPolicy
{
    /// <summary>The largest automatic budget increase: +30 %.</summary>
    public const decimal MaxAutoIncrease = 1.30m;

    /// <summary>A bulk e-mail to more than this many people needs approval.</summary>
    public const int BulkEmailLimit = 100;

    /// <summary>A new campaign with a budget over this (SAR) needs approval.</summary>
    public const decimal LaunchBudgetLimitSar = 5_000m;

    private static readonly HashSet<string> AutoAllowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "pause_failing_ads", "create_ab_variant", "schedule_social_draft", "personalise_email", "create_draft", "create_task", "open_issue",
        "build_report", "alert_operator",
    };

    /// <summary>Decides <paramref name="action"/> (assumed to cross no red line).</summary>
    public static Verdict Classify(AutomatedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        bool approved = !string.IsNullOrWhiteSpace(action.ApprovedBy);
        Verdict needs = action.Action switch
        {
            "increase_budget" when action is { From: > 0m, To: { } to } && to >= action.From && to <= action.From.Value * MaxAutoIncrease =>
                Verdict.Allowed("auto_budget_increase", $"Budget increase {action.From} → {to} is within +30 % (§17.5)."),
            "increase_budget" => Verdict.NeedsApproval("budget_increase_over_30_percent", $"Budget increase {action.From} → {action.To} is over +30 % or not an increase (§17.5)."),
            "reduce_budget" => Verdict.NeedsApproval("budget_reduction", $"Budget reduction {action.From} → {action.To} needs approval (§17.5)."),
            "launch_campaign" => Verdict.NeedsApproval("campaign_launch", action.To > LaunchBudgetLimitSar
                ? $"A new campaign with budget {action.To} SAR > 5,000 SAR needs approval (§17.5)."
                : "Starting a campaign is Class B and not on the auto-allowed list (§4.1, §17.5)."),
            "change_brand_messaging" => Verdict.NeedsApproval("brand_messaging", "Changing the brand messaging needs approval (§17.5)."),
            "bulk_email" when action.Recipients > BulkEmailLimit => Verdict.NeedsApproval("bulk_email_over_100", $"A bulk e-mail to {action.Recipients} people (> 100) needs approval (§17.5)."),
            _ when AutoAllowed.Contains(action.Action) => Verdict.Allowed("auto_allowed", $"{action.Action} is auto-allowed (§17.5)."),
            _ when action.Audience is "customer" or "contact" => Verdict.NeedsApproval("customer_facing", "Any customer-facing message needs approval (I1, §17.5)."),
            _ => Verdict.NeedsApproval("not_auto_allowed", $"{action.Action} is not on the auto-allowed list (§17.5)."),
        };
        return needs.IsAllowed || !approved ? needs : Verdict.Allowed("approved", $"Approved by {action.ApprovedBy}: {needs.Reason}");
    }
}
