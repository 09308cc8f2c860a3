using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dealix.Orchestrations.Deals.Connectors.Ports;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.DealConnectors;

/// <summary>
/// The deal connector actions over HTTP, in the providers' public API shapes:
/// <list type="bullet">
/// <item>Google Calendar API v3 <c>events.insert</c>: <c>POST {base}/calendar/v3/calendars/{calendarId}/events?sendUpdates=none</c>
/// with a bearer token and <c>{"id","summary","description","start":{"dateTime"},"end":{"dateTime"},"reminders":{"useDefault":false,
/// "overrides":[{"method":"popup","minutes"}]}}</c>. The client-chosen event id is the idempotency key: a 409 means the
/// event exists already (an earlier attempt made it), which counts as done.</item>
/// <item>HubSpot CRM v3 batch upsert: <c>POST {base}/crm/v3/objects/deals/batch/upsert</c> with
/// <c>{"inputs":[{"idProperty":"dealix_deal_id","id":…,"properties":{"dealname","dealstage","dealix_deal_id"}}]}</c>: keyed by the
/// unique property, so repeating it updates the same record.</item>
/// </list>
/// A 4xx (other than that 409) is permanent (<see cref="ConnectorRejectedException"/>); 5xx and transport errors throw and are retried.
/// </summary>
public sealed class HttpDealConnectorGateway(HttpClient http, IOptions<DealConnectorOptions> options) : IDealConnectorGateway
{
    private readonly DealConnectorOptions _options = options.Value;

    public bool LiveExecute => _options.LiveExecute;

    public async Task<string> InsertCalendarEventAsync(CalendarEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string url = $"{_options.CalendarBaseUrl.TrimEnd('/')}/calendar/v3/calendars/{Uri.EscapeDataString(_options.CalendarId)}/events?sendUpdates=none";
        byte[] body = CalendarBody(request);
        using HttpResponseMessage response = await PostAsync(url, _options.CalendarAccessToken, body, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return request.EventId; // the event with this id exists: made by an earlier attempt
        }

        using JsonDocument answer = await ReadAsync(response, "calendar", cancellationToken);
        return answer.RootElement.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : request.EventId;
    }

    public async Task<string> UpsertCrmDealAsync(CrmDealUpsert request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string url = $"{_options.CrmBaseUrl.TrimEnd('/')}/crm/v3/objects/deals/batch/upsert";
        using HttpResponseMessage response = await PostAsync(url, _options.CrmAccessToken, CrmBody(request), cancellationToken);
        using JsonDocument answer = await ReadAsync(response, "crm", cancellationToken);
        return answer.RootElement.TryGetProperty("results", out JsonElement results) && results.ValueKind == JsonValueKind.Array && results.GetArrayLength() > 0
            && results[0].TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : request.DealixDealId;
    }

    /// <summary>The exact body of the calendar insert.</summary>
    public static byte[] CalendarBody(CalendarEventRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Write(json =>
        {
            json.WriteString("id", request.EventId);
            json.WriteString("summary", request.Summary);
            json.WriteString("description", request.Description);
            json.WriteStartObject("start");
            json.WriteString("dateTime", Rfc3339(request.Start));
            json.WriteEndObject();
            json.WriteStartObject("end");
            json.WriteString("dateTime", Rfc3339(request.End));
            json.WriteEndObject();
            json.WriteStartObject("reminders");
            json.WriteBoolean("useDefault", false);
            json.WriteStartArray("overrides");
            json.WriteStartObject();
            json.WriteString("method", "popup");
            json.WriteNumber("minutes", request.ReminderMinutes);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>The exact body of the CRM upsert.</summary>
    public static byte[] CrmBody(CrmDealUpsert request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Write(json =>
        {
            json.WriteStartArray("inputs");
            json.WriteStartObject();
            json.WriteString("idProperty", "dealix_deal_id");
            json.WriteString("id", request.DealixDealId);
            json.WriteStartObject("properties");
            json.WriteString("dealname", request.DealName);
            json.WriteString("dealstage", request.Stage);
            json.WriteString("dealix_deal_id", request.DealixDealId);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        });
    }

    private async Task<HttpResponseMessage> PostAsync(string url, string token, byte[] body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ConnectorRejectedException("The provider's access token is not configured.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        return await http.SendAsync(message, timeout.Token);
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, string provider, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        if (status is >= 400 and < 500)
        {
            throw new ConnectorRejectedException($"The {provider} provider refused the request ({status.ToString(CultureInfo.InvariantCulture)}).");
        }

        response.EnsureSuccessStatusCode(); // 5xx: transient, retried by the activity's retry policy
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
