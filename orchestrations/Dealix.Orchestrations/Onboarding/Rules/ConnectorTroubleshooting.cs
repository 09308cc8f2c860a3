using Dealix.Orchestrations.Onboarding.Contracts;

namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>
/// Troubleshooting (§6.6) and failure recovery (§5.3) for a failed connector: an auth failure (expired token, missing
/// scope) is a "recheck scopes" task — for Gmail: recheck, retry and fall back to draft-only; Moyasar not connected is
/// a task to use the Moyasar dashboard by hand; an unverified webhook is a task and an alert; an outage alerts only
/// when it lasted 5 minutes or more. Pure.
/// </summary>
public static class ConnectorTroubleshooting
{
    /// <summary>The plan for <paramref name="connector"/> (which is failed).</summary>
    public static TroubleshootPlan PlanFor(ConnectorRecord connector, int? outageMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        string reason = connector.FailureReason ?? "health_check";
        return (connector.ConnectorId, reason) switch
        {
            ("moyasar", _) => new(connector.ConnectorId, reason, "moyasar_manual", "Moyasar not connected: use the Moyasar dashboard manually", "operator", false),
            ("gmail", "auth" or "revoked") => new(connector.ConnectorId, reason, "gmail_recheck_scopes", "Gmail OAuth failed: recheck scopes, retry, fall back to draft-only", "operator", false),
            (_, "auth" or "revoked") => new(connector.ConnectorId, reason, "recheck_scopes", $"{connector.ConnectorId}: recheck scopes", "operator", false),
            (_, "webhook") => new(connector.ConnectorId, reason, "verify_webhook", $"{connector.ConnectorId}: webhook not verified", "engineer", true),
            (_, "outage") => new(connector.ConnectorId, reason, null, null, "engineer", outageMinutes is null or >= 5),
            _ => new(connector.ConnectorId, reason, "connector_failure", $"{connector.ConnectorId}: failed health checks", "engineer", true),
        };
    }
}
