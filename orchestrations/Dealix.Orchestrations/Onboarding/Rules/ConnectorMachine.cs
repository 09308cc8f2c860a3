using Dealix.Orchestrations.Onboarding.Contracts;

namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>
/// The connector state machine of DOMAIN.md §6.3 applied to a stored connector, with the §6.6 acceptance test and
/// troubleshooting: a move into a connected state needs the connector's acceptance check to have passed (a failed test
/// lands in <c>failed</c> with its cause); raising a connector above its default mode needs a founder approval (Class B,
/// §6.2). Pure: the transitions themselves are <see cref="OnboardingRules.CanTransition"/>.
/// </summary>
public static class ConnectorMachine
{
    /// <summary>Causes of a failed acceptance test or health check (§6.6).</summary>
    public static IReadOnlyList<string> FailureCauses { get; } = ["auth", "webhook", "outage", "health_check", "revoked"];

    private static readonly Dictionary<string, string> Checks = new(StringComparer.Ordinal)
    {
        ["gmail"] = "draft_created_and_deleted",
        ["google_calendar"] = "free_busy_read",
        ["google_sheets"] = "test_row_written",
        ["moyasar"] = "read_only_key_checked",
        ["whatsapp_cloud"] = "webhook_verified_and_test_inbound",
        ["website_forms"] = "test_submission_received",
        ["google_business_profile"] = "draft_created_and_deleted",
        ["crm_generic"] = "record_read",
        ["linkedin_lead_forms"] = "record_ingested",
        ["google_meet"] = "record_ingested",
        ["instagram_graph"] = "record_ingested",
    };

    /// <summary>The acceptance checks §6.6 accepts for a connector (Moyasar also takes a manual confirmation).</summary>
    public static IReadOnlyList<string> AcceptanceChecks(string connectorId) =>
        connectorId == "moyasar" ? [Checks[connectorId], "manual_confirmation"]
        : Checks.TryGetValue(connectorId, out string? check) ? [check] : [];

    /// <summary>The states <paramref name="from"/> may move to without a founder approval, in §6.3 order.</summary>
    public static IReadOnlyList<string> AllowedFrom(string connectorId, string from) =>
        [.. OnboardingRules.ConnectorStates.Where(to => OnboardingRules.CanTransition(connectorId, from, to).Accepted)];

    /// <summary>The connector as it is before any change: stored, or <c>not_started</c> in its default mode.</summary>
    public static ConnectorRecord Current(string tenantId, string customerId, string connectorId, ConnectorRecord? stored) =>
        stored ?? new ConnectorRecord(tenantId, customerId, connectorId, "not_started",
            OnboardingRules.Connectors.FirstOrDefault(c => c.Id == connectorId)?.Mode ?? "draft_only");

    /// <summary>Applies <paramref name="update"/> to <paramref name="stored"/> at <paramref name="now"/>.</summary>
    public static ConnectorUpdateResult Apply(ConnectorRecord? stored, ConnectorUpdate update, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!OnboardingRules.Connectors.Any(c => c.Id == update.ConnectorId))
        {
            return Refuse("unknown_connector", null, [], $"'{update.ConnectorId}' is not one of the 11 connectors.");
        }

        ConnectorRecord current = Current(update.TenantId, update.CustomerId, update.ConnectorId, stored);
        IReadOnlyList<string> allowed = AllowedFrom(update.ConnectorId, current.State);
        if (!OnboardingRules.ConnectorStates.Contains(update.State))
        {
            return Refuse("invalid_state", current, allowed, $"'{update.State}' is not a connector state.");
        }

        string to = update.State;
        string? reason = update.Reason;
        string? check = null;
        if (to.StartsWith("connected_", StringComparison.Ordinal))
        {
            if (update.Acceptance is not { } test || !AcceptanceChecks(update.ConnectorId).Contains(test.Check))
            {
                return Refuse("acceptance_required", current, allowed,
                    $"Connecting {update.ConnectorId} needs its acceptance test ({string.Join(" or ", AcceptanceChecks(update.ConnectorId))}).");
            }

            if (!test.Passed)
            {
                // Troubleshooting (§6.6): the connector lands in failed with the test's cause instead.
                to = "failed";
                reason = test.Cause is { } cause && FailureCauses.Contains(cause) ? cause : "auth";
            }

            check = test.Check;
        }

        bool founder = !string.IsNullOrWhiteSpace(update.FounderApproval);
        if (!OnboardingRules.CanTransition(update.ConnectorId, current.State, to).Accepted)
        {
            if (!OnboardingRules.CanTransition(update.ConnectorId, current.State, to, founderApproved: true).Accepted)
            {
                return Refuse("invalid_transition", current, allowed, $"{update.ConnectorId} cannot move from {current.State} to {to}.");
            }

            if (!founder)
            {
                return Refuse("founder_approval_required", current, allowed,
                    $"Raising {update.ConnectorId} above its default mode ({current.Mode}) needs a founder approval (Class B).");
            }
        }

        if (to == "failed" && (reason is null || !FailureCauses.Contains(reason)))
        {
            reason = "health_check";
        }

        ConnectorRecord next = current with
        {
            State = to,
            FailureReason = to == "failed" ? reason : null,
            AcceptanceCheck = check ?? (to is "not_started" ? null : current.AcceptanceCheck),
            LastSyncAt = to.StartsWith("connected_", StringComparison.Ordinal) ? now : current.LastSyncAt,
            ErrorCount = to == "failed" ? current.ErrorCount + 1 : to.StartsWith("connected_", StringComparison.Ordinal) ? 0 : current.ErrorCount,
            UpdatedAt = now,
            UpdatedBy = update.Actor,
            FounderApproved = to == "connected_approved_execute" && current.Mode != "approved_execute" ? founder : to != "not_started" && current.FounderApproved,
        };
        return new ConnectorUpdateResult(true, null, next, AllowedFrom(update.ConnectorId, to));
    }

    /// <summary>The §6.4 gate over a customer's stored rows (missing connectors are <c>not_started</c>).</summary>
    public static ConnectorGate Gate(string tenantId, string customerId, IReadOnlyList<ConnectorRecord> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        List<ConnectorRecord> all = [.. OnboardingRules.Connectors.Select(c => Current(tenantId, customerId, c.Id, stored.FirstOrDefault(s => s.ConnectorId == c.Id)))];
        ConnectorSummary summary = OnboardingRules.Summarize(all.ToDictionary(c => c.ConnectorId, c => c.State, StringComparer.Ordinal));
        return new ConnectorGate(all, summary.BlockingMissing, summary.ConnectedCount, summary.ReadyForFirstService);
    }

    private static ConnectorUpdateResult Refuse(string error, ConnectorRecord? current, IReadOnlyList<string> allowed, string detail) =>
        new(false, error, current, allowed, detail);
}
