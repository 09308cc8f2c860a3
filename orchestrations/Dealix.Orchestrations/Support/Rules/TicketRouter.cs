using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Rules;

/// <summary>
/// Routes a classified ticket (DOMAIN.md §11.4 route): owners, SLA due times from the opening instant, the
/// Arabic first-response template, and the P0 auto-actions (incident triage, precautionary freeze, founder page).
/// Pure: the opening instant is a parameter.
/// </summary>
public static class TicketRouter
{
    /// <summary>What a P0 ticket triggers automatically (§11.2).</summary>
    public static IReadOnlyList<string> P0AutoActions { get; } = ["open_incident_triage", "freeze_tenant_live_actions", "page_founder"];

    /// <summary>The route of a classified ticket opened at <paramref name="openedAtUtc"/>; null for a rejected (empty) ticket.</summary>
    public static TicketRoute? Route(TicketClassification classification, DateTime openedAtUtc)
    {
        if (classification.Rejected is not null)
        {
            return null;
        }

        PriorityTier tier = SupportPriorities.For(classification.Priority);
        return new TicketRoute(classification, tier, openedAtUtc + tier.FirstResponseTarget, openedAtUtc + tier.ResolutionTarget,
            classification.Priority == TicketPriority.P0 ? P0AutoActions : []);
    }
}
