using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Sla.Rules;

/// <summary>
/// Classifies a ticket's SLA at an instant (DOMAIN.md §12.2) from its event log: first response
/// (<c>first_response_sent − ticket_opened</c>) and resolution (<c>resolved − ticket_opened</c>, or <c>now − opened</c>
/// while open) against the targets of the current priority, both measured from the original opening time
/// (a <c>priority_changed</c> recomputes them). Calendar time, 24/7. Pure: the instant is a parameter.
/// </summary>
public static class SlaBreachClassifier
{
    /// <summary>The share of a target at which an open target becomes <c>at_risk</c>.</summary>
    public const double AtRiskShare = 0.8;

    /// <summary>The SLA position of the ticket whose ordered events are <paramref name="events"/>; null when it has none.</summary>
    public static SlaBreach? Classify(IReadOnlyList<SlaEvent> events, DateTime now)
    {
        SlaEvent? opened = events.FirstOrDefault(e => e.EventType == SlaEventType.TicketOpened);
        if (opened is null)
        {
            return null;
        }

        TicketPriority priority = events[^1].Priority;
        foreach (SlaEvent e in events)
        {
            if (e.EventType is SlaEventType.PriorityChanged or SlaEventType.TicketOpened)
            {
                priority = e.Priority;
            }
        }

        PriorityTier tier = SupportPriorities.For(priority);
        SlaEvent? firstResponse = events.FirstOrDefault(e => e.EventType == SlaEventType.FirstResponseSent);
        bool open = !SlaLog.IsResolved(events);
        SlaEvent? lastResolved = open ? null : events.Last(e => e.EventType == SlaEventType.Resolved);

        TimeSpan? responseTime = firstResponse is null ? null : firstResponse.OccurredAt - opened.OccurredAt;
        SlaTargetStatus response = Status(responseTime ?? now - opened.OccurredAt, tier.FirstResponseTarget, done: firstResponse is not null);

        TimeSpan resolutionElapsed = (lastResolved?.OccurredAt ?? now) - opened.OccurredAt;
        SlaTargetStatus resolution = Status(resolutionElapsed, tier.ResolutionTarget, done: !open);

        return new SlaBreach(opened.TicketId, priority, opened.OccurredAt, tier.FirstResponseTarget, responseTime, response,
            tier.ResolutionTarget, resolutionElapsed, resolution, open);
    }

    private static SlaTargetStatus Status(TimeSpan elapsed, TimeSpan target, bool done)
    {
        if (elapsed > target)
        {
            return SlaTargetStatus.Breached;
        }

        if (done)
        {
            return SlaTargetStatus.Met;
        }

        return elapsed.Ticks >= target.Ticks * AtRiskShare ? SlaTargetStatus.AtRisk : SlaTargetStatus.Pending;
    }
}
