using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.CustomerSuccess.Rules;

/// <summary>What one touchpoint becomes for people (§14.1, §14.6, §14.7): the task's title, owner role and time to do
/// it, and whether operators also get an alert. Unknown plan items become a CSM task. Pure.</summary>
public static class TouchpointTasks
{
    private static readonly Dictionary<string, TouchpointTask> Table = new(StringComparer.Ordinal)
    {
        ["weekly_check_in"] = new("Weekly check-in (25 min): agenda and talking points attached", "csm", TimeSpan.FromDays(1)),
        ["partner_check_in"] = new("Partner check-in (25 min): agenda and talking points attached", "csm", TimeSpan.FromDays(1)),
        ["executive_pack"] = new("Send and walk through the Executive Room pack", "csm", TimeSpan.FromDays(1)),
        ["founder_shadow_board"] = new("Founder Shadow Board (45 min) with the customer's founder", "founder", TimeSpan.FromDays(1)),
        ["monthly_proof_review"] = new("Monthly Proof Pack review", "csm", TimeSpan.FromDays(2)),
        ["list_intelligence_refresh_review"] = new("List Intelligence refresh review", "csm", TimeSpan.FromDays(2)),
        ["mid_month_control_review"] = new("Mid-month control review", "csm", TimeSpan.FromDays(2)),
        ["partner_pipeline_review"] = new("Partner pipeline review (Golden Path dossiers)", "csm", TimeSpan.FromDays(2)),
        ["qbr"] = new("Quarterly business review (60 min): results, Proof trend, bundle fit, next-quarter targets", "csm", TimeSpan.FromDays(3), "info"),
        ["renewal_30_day"] = new("Renewal in 30 days: build the renewal summary and draft the renewal message for approval", "csm", TimeSpan.FromDays(3), "warning"),
        ["renewal_7_day"] = new("Renewal in 7 days: remind the customer", "csm", TimeSpan.FromDays(1), "warning"),
        ["renewal_decision"] = new("Renewal date: record the renewal decision", "operator", TimeSpan.FromDays(1), "warning"),
    };

    /// <summary>The task for <paramref name="item"/>.</summary>
    public static TouchpointTask For(string item) => Table.TryGetValue(item, out TouchpointTask? task)
        ? task
        : new TouchpointTask($"Customer-success touchpoint: {item}", "csm", TimeSpan.FromDays(1));

    /// <summary>§14.7: seven days before renewal, a customer at medium risk or worse also gets a founder call.</summary>
    public static bool NeedsFounderCall(string item, RiskSeverity? severity) =>
        item == "renewal_7_day" && severity is RiskSeverity.Medium or RiskSeverity.High;
}

/// <summary>A touchpoint's task: title, owner role (§2), time allowed after it falls due, and the alert severity
/// (null: no alert).</summary>
public sealed record TouchpointTask(string Title, string OwnerRole, TimeSpan DueAfter, string? AlertSeverity = null);
