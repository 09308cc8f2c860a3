using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Sla.Contracts;

/// <summary>The SLA event types of DOMAIN.md §12.1; anything else is rejected.</summary>
// WARNING: stored in the append-only SLA log by their snake_case names; never rename those.
[JsonConverter(typeof(JsonStringEnumConverter<SlaEventType>))]
public enum SlaEventType
{
    /// <summary>The ticket was opened; always the first event.</summary>
    [JsonStringEnumMemberName("ticket_opened")] TicketOpened,

    /// <summary>The first response reached the customer (at most once).</summary>
    [JsonStringEnumMemberName("first_response_sent")] FirstResponseSent,

    /// <summary>The ticket was escalated.</summary>
    [JsonStringEnumMemberName("escalated")] Escalated,

    /// <summary>The priority changed; targets are recomputed from the opening time.</summary>
    [JsonStringEnumMemberName("priority_changed")] PriorityChanged,

    /// <summary>The ticket was resolved (requires an open ticket).</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,

    /// <summary>The ticket was reopened (requires a resolved ticket).</summary>
    [JsonStringEnumMemberName("reopened")] Reopened,
}
