using Dealix.Orchestrations.Sla.Contracts;

namespace Dealix.Orchestrations.Sla.Rules;

/// <summary>
/// Strict validation of the append-only SLA log (DOMAIN.md §12.1): an unknown event type is rejected, the first
/// event is <c>ticket_opened</c>, <c>first_response_sent</c> occurs at most once, <c>resolved</c> needs an open
/// ticket, <c>reopened</c> a resolved one, and time never goes backwards within a ticket. Pure; never throws.
/// </summary>
public static class SlaLog
{
    /// <summary>Parses a wire event type strictly (exact snake_case name); false for anything else.</summary>
    public static bool TryParseEventType(string? wireName, out SlaEventType type)
    {
        foreach (SlaEventType candidate in Enum.GetValues<SlaEventType>())
        {
            if (string.Equals(WireName(candidate), wireName, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>The snake_case name of an event type.</summary>
    public static string WireName(SlaEventType type) => System.Text.Json.JsonSerializer.Serialize(type).Trim('"');

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="history"/> (the ticket's earlier events, in order).</summary>
    public static SlaEventValidation Validate(IReadOnlyList<SlaEvent> history, SlaEvent next)
    {
        if (!Enum.IsDefined(next.EventType))
        {
            return SlaEventValidation.Reject("unknown_event_type", $"Unknown SLA event type {(int)next.EventType}.");
        }

        if (string.IsNullOrWhiteSpace(next.TicketId) || string.IsNullOrWhiteSpace(next.TenantId))
        {
            return SlaEventValidation.Reject("missing_ids", "ticket_id and tenant_id are required.");
        }

        if (next.OccurredAt.Kind != DateTimeKind.Utc)
        {
            return SlaEventValidation.Reject("not_utc", "occurred_at must be UTC.");
        }

        if (history.Count == 0)
        {
            return next.EventType == SlaEventType.TicketOpened
                ? SlaEventValidation.Ok
                : SlaEventValidation.Reject("first_event_not_opened", "The first event of a ticket must be ticket_opened.");
        }

        if (history.Any(e => e.TicketId != next.TicketId || e.TenantId != next.TenantId))
        {
            return SlaEventValidation.Reject("mixed_ticket", "The history belongs to another ticket or tenant.");
        }

        if (next.OccurredAt < history[^1].OccurredAt)
        {
            return SlaEventValidation.Reject("time_went_backwards", "occurred_at is earlier than the ticket's previous event.");
        }

        bool resolved = IsResolved(history);
        return next.EventType switch
        {
            SlaEventType.TicketOpened => SlaEventValidation.Reject("already_opened", "The ticket is already open."),
            SlaEventType.FirstResponseSent when history.Any(e => e.EventType == SlaEventType.FirstResponseSent) =>
                SlaEventValidation.Reject("duplicate_first_response", "first_response_sent occurs at most once."),
            SlaEventType.Resolved when resolved => SlaEventValidation.Reject("not_open", "resolved requires an open ticket."),
            SlaEventType.Reopened when !resolved => SlaEventValidation.Reject("not_resolved", "reopened requires a resolved ticket."),
            _ => SlaEventValidation.Ok,
        };
    }

    /// <summary>True when the last of resolved/reopened in the history is resolved.</summary>
    public static bool IsResolved(IEnumerable<SlaEvent> history)
    {
        bool resolved = false;
        foreach (SlaEvent e in history)
        {
            if (e.EventType == SlaEventType.Resolved)
            {
                resolved = true;
            }
            else if (e.EventType == SlaEventType.Reopened)
            {
                resolved = false;
            }
        }

        return resolved;
    }
}
