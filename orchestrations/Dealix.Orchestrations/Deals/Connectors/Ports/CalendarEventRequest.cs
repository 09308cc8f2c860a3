namespace Dealix.Orchestrations.Deals.Connectors.Ports;

/// <summary>A calendar event for a booked meeting: <see cref="EventId"/> is the idempotency key (lowercase hex, valid as a
/// Google Calendar event id); no attendees, so the provider invites nobody.</summary>
public sealed record CalendarEventRequest(string TenantId, string EventId, string Summary, string Description, DateTime Start, DateTime End, int ReminderMinutes);
