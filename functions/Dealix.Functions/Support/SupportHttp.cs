using System.Globalization;
using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Microsoft.AspNetCore.Http;

namespace Dealix.Functions.Support;

/// <summary>Request plumbing of the support and SLA routes: a JSON object body with only known fields, typed field
/// readers with clear messages, and the customer-ops answer shape (I9: <c>approval_required</c>, <c>live_send_allowed</c>,
/// <c>correlation_id</c>).</summary>
public static class SupportHttp
{
    /// <summary>The largest body the support routes read.</summary>
    public const long MaxBody = 64 * 1024;

    /// <summary>Reads the body as a JSON object whose fields are all in <paramref name="allowed"/>; the error to return otherwise.</summary>
    public static async Task<(JsonElement Root, IResult? Error)> ReadObjectAsync(HttpRequest request, string correlationId, IReadOnlyCollection<string> allowed,
        CancellationToken cancellation)
    {
        byte[]? body = await DealHttp.ReadBodyAsync(request, MaxBody, cancellation);
        if (body is null)
        {
            return (default, DealHttp.Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The body exceeds {MaxBody} bytes.", correlationId));
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (default, DealHttp.BadRequest("The body must be a JSON object.", correlationId));
            }

            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!allowed.Contains(property.Name))
                {
                    return (default, DealHttp.BadRequest($"Unknown field '{property.Name}'. Allowed: {string.Join(", ", allowed)}.", correlationId));
                }
            }

            return (root, null);
        }
        catch (JsonException)
        {
            return (default, DealHttp.BadRequest("The body is not valid JSON.", correlationId));
        }
    }

    /// <summary>An optional string field (null when absent or JSON null); an error when it is another type or too long.</summary>
    public static string? OptionalString(JsonElement root, string name, int maxLength, out string? error)
    {
        error = null;
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            error = $"'{name}' must be a string.";
            return null;
        }

        string text = value.GetString()!;
        if (text.Length > maxLength)
        {
            error = $"'{name}' is longer than {maxLength} characters.";
            return null;
        }

        return text;
    }

    /// <summary>A priority <c>P0</c>–<c>P3</c> (exact), or the error.</summary>
    public static TicketPriority? Priority(string? value, out string? error)
    {
        error = null;
        TicketPriority? priority = value switch
        {
            "P0" => TicketPriority.P0,
            "P1" => TicketPriority.P1,
            "P2" => TicketPriority.P2,
            "P3" => TicketPriority.P3,
            _ => null,
        };
        if (priority is null)
        {
            error = "'priority' must be one of P0, P1, P2, P3.";
        }

        return priority;
    }

    /// <summary>An ISO-8601 UTC instant written with <c>Z</c>, or the error.</summary>
    public static DateTime? UtcInstant(string? value, string name, out string? error)
    {
        error = null;
        if (value is null || !value.EndsWith('Z')
            || !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime parsed))
        {
            error = $"'{name}' must be an ISO-8601 UTC time ending in Z, e.g. 2026-12-04T09:30:00Z.";
            return null;
        }

        return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
    }

    /// <summary>An SLA event as the routes return it.</summary>
    public static object Wire(SlaEvent e) => new
    {
        ticket_id = e.TicketId,
        tenant_id = e.TenantId,
        event_type = Orchestrations.Sla.Rules.SlaLog.WireName(e.EventType),
        priority = e.Priority.ToString(),
        occurred_at = e.OccurredAt,
        actor = e.Actor,
        correlation_id = e.CorrelationId,
        note = e.Note,
    };

    /// <summary>A breach classification as the routes return it (§12.2).</summary>
    public static object Wire(SlaBreach b) => new
    {
        ticket_id = b.TicketId,
        priority = b.Priority.ToString(),
        opened_at = b.OpenedAt,
        is_open = b.IsOpen,
        breached = b.IsBreached,
        first_response = new
        {
            target_minutes = b.FirstResponseTarget.TotalMinutes,
            elapsed_minutes = b.FirstResponseTime?.TotalMinutes,
            status = Name(b.FirstResponse),
        },
        resolution = new
        {
            target_minutes = b.ResolutionTarget.TotalMinutes,
            elapsed_minutes = b.ResolutionElapsed.TotalMinutes,
            status = Name(b.Resolution),
        },
    };

    /// <summary>A health report as the routes return it (§12.3).</summary>
    public static object Wire(SlaHealthReport r) => new
    {
        window_start = r.WindowStart,
        window_end = r.WindowEnd,
        total_tickets = r.TotalTickets,
        tickets_by_priority = r.TicketsByPriority.ToDictionary(p => p.Key.ToString(), p => p.Value),
        breaches_by_priority = r.BreachesByPriority.ToDictionary(p => p.Key.ToString(), p => p.Value),
        first_response_breaches = r.FirstResponseBreaches,
        resolution_breaches = r.ResolutionBreaches,
        median_first_response_minutes = r.MedianFirstResponse?.TotalMinutes,
        breached_tickets = r.BreachedTickets,
        breach_rate = r.BreachRate,
        verdict = Name(r.Verdict),
    };

    /// <summary>A stored ticket as the routes return it (the text and address stay out of list views).</summary>
    public static object Wire(SupportTicket t, bool withText) => new
    {
        ticket_id = t.TicketId,
        tenant_id = t.TenantId,
        instance_id = t.InstanceId,
        source = t.Source,
        priority = t.Priority.ToString(),
        owners = t.Owners,
        matched_keywords = t.MatchedKeywords,
        reason = t.Reason,
        status = t.Status,
        opened_at = t.OpenedAt,
        first_response_due_at = t.FirstResponseDueAt,
        resolution_due_at = t.ResolutionDueAt,
        first_response_at = t.FirstResponseAt,
        resolved_at = t.ResolvedAt,
        draft_id = t.DraftId,
        incident_requested = t.IncidentRequested,
        incident_id = t.IncidentId,
        last_escalation = t.LastEscalation,
        correlation_id = t.CorrelationId,
        subject = withText ? t.Subject : null,
        body = withText ? t.Body : null,
        reply_channel = t.ReplyTo is { } r ? JsonSerializer.Serialize(r.Channel).Trim('"') : null,
    };

    /// <summary>The tier of a priority as the routes return it (§11.1, §11.3).</summary>
    public static object Wire(PriorityTier tier) => new
    {
        priority = tier.Priority.ToString(),
        meaning = tier.Meaning,
        owners = tier.Owners,
        first_response_minutes = tier.FirstResponseTarget.TotalMinutes,
        resolution_minutes = tier.ResolutionTarget.TotalMinutes,
        first_response_template = tier.FirstResponseTemplate,
    };

    private static string Name<T>(T value) => JsonSerializer.Serialize(value).Trim('"');
}
