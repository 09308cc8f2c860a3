using System.Globalization;
using System.Text.Json;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Functions.Deals.Connectors;

/// <summary>
/// Reads <c>meeting_at</c> of a <c>meeting_scheduled</c> operator event: optional, an ISO-8601 time with an offset or
/// <c>Z</c> (a time without a zone is refused: it would be read in the server's zone). Any other event must not carry it.
/// </summary>
internal static class MeetingTime
{
    public static bool TryRead(JsonElement root, string eventName, out DateTime? meetingAt, out string? error)
    {
        meetingAt = null;
        error = null;
        if (!root.TryGetProperty("meeting_at", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (eventName != DealTriggers.MeetingScheduled)
        {
            error = "meeting_at belongs to the meeting_scheduled event only.";
            return false;
        }

        if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParseExact(value.GetString(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset parsed)
            || !(value.GetString()!.EndsWith('Z') || value.GetString()!.Contains('+', StringComparison.Ordinal) || value.GetString()!.LastIndexOf('-') > 10))
        {
            error = "meeting_at must be an ISO-8601 time with Z or an offset, e.g. 2026-12-06T10:00:00Z.";
            return false;
        }

        meetingAt = parsed.UtcDateTime;
        return true;
    }
}
