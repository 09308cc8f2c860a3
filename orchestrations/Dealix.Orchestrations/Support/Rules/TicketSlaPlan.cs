using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Rules;

/// <summary>
/// The per-ticket SLA clock (§11.1, §12.2, §4.6): for each open target a <c>warning</c> when it turns <c>at_risk</c>
/// (80 % of the target) and a <c>breach</c> just past it, both measured from the opening time with the targets of the
/// priority in force (a <c>priority_changed</c> recomputes them, §12.1). The first-response target stops at the first
/// response, both stop at resolution. Who is told: a warning goes to the priority's owners (§11.1); a breach climbs
/// one step of the ladder above them: P2/P3 (operator, L1) → <c>team_lead</c> (L2), P1 (L2) → <c>founder</c> (L3), and
/// P0 stays with the <c>founder</c> as critical. Pure.
/// </summary>
public static class TicketSlaPlan
{
    /// <summary>Past the target means strictly more than the target (§12.2): the breach point is this much after it.</summary>
    public static readonly TimeSpan BreachMargin = TimeSpan.FromSeconds(1);

    /// <summary>A ticket's view from its ordered SLA events; null when the log has no <c>ticket_opened</c>.</summary>
    public static TicketSlaView? View(string tenantId, string ticketId, IReadOnlyList<SlaEvent> events)
    {
        SlaBreach? breach = SlaBreachClassifier.Classify(events, events.Count == 0 ? DateTime.UnixEpoch : events[^1].OccurredAt);
        if (breach is null)
        {
            return null;
        }

        DateTime? firstResponse = events.FirstOrDefault(e => e.EventType == SlaEventType.FirstResponseSent)?.OccurredAt;
        bool resolved = SlaLog.IsResolved(events);
        DateTime? resolvedAt = resolved ? events.Last(e => e.EventType == SlaEventType.Resolved).OccurredAt : null;
        return new TicketSlaView(tenantId, ticketId, breach.Priority, breach.OpenedAt, firstResponse, resolved, resolvedAt, events.Count);
    }

    /// <summary>Every checkpoint of the ticket's clock still ahead of it or lapsed, in time order.</summary>
    public static IReadOnlyList<SlaCheckpoint> Checkpoints(TicketSlaView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.IsResolved)
        {
            return [];
        }

        PriorityTier tier = SupportPriorities.For(view.Priority);
        var points = new List<SlaCheckpoint>(4);
        if (view.FirstResponseAt is null)
        {
            Add(points, view, SlaTarget.FirstResponse, tier.FirstResponseTarget);
        }

        Add(points, view, SlaTarget.Resolution, tier.ResolutionTarget);
        return [.. points.OrderBy(p => p.At).ThenBy(p => p.Target).ThenBy(p => p.Level)];
    }

    /// <summary>The checkpoints due at <paramref name="now"/> (the sweep's question).</summary>
    public static IReadOnlyList<SlaCheckpoint> Due(TicketSlaView view, DateTime now) => [.. Checkpoints(view).Where(p => p.At <= now)];

    /// <summary>True when the checkpoint still holds for the ticket at <paramref name="now"/>: the ticket is open, the
    /// priority is the one the checkpoint was made for, the target is not met, and the point has passed.</summary>
    public static bool StillDue(TicketSlaView view, SlaCheckpoint checkpoint, DateTime now) =>
        checkpoint.At <= now && Checkpoints(view).Any(p => p.Key == checkpoint.Key);

    /// <summary>The roles told when a checkpoint lapses.</summary>
    public static IReadOnlyList<string> Recipients(TicketPriority priority, EscalationLevel level) => level switch
    {
        EscalationLevel.Warning => SupportPriorities.For(priority).Owners,
        _ => priority switch
        {
            TicketPriority.P0 or TicketPriority.P1 => ["founder"],
            _ => ["team_lead"],
        },
    };

    /// <summary>The alert severity of a checkpoint: a P0 is critical at either level, any breach is critical.</summary>
    public static string Severity(TicketPriority priority, EscalationLevel level) =>
        priority == TicketPriority.P0 || level == EscalationLevel.Breach ? "critical" : "warning";

    private static void Add(List<SlaCheckpoint> points, TicketSlaView view, SlaTarget target, TimeSpan span)
    {
        var warning = TimeSpan.FromTicks((long)Math.Ceiling(span.Ticks * SlaBreachClassifier.AtRiskShare));
        points.Add(new SlaCheckpoint(target, EscalationLevel.Warning, view.Priority, view.OpenedAt + warning,
            TicketKeys.EscalationKey(view.TenantId, view.TicketId, view.Priority, target, EscalationLevel.Warning)));
        points.Add(new SlaCheckpoint(target, EscalationLevel.Breach, view.Priority, view.OpenedAt + span + BreachMargin,
            TicketKeys.EscalationKey(view.TenantId, view.TicketId, view.Priority, target, EscalationLevel.Breach)));
    }
}
