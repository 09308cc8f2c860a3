using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Runtime.Hosting.CustomHandler;

/// <summary>
/// The custom-handler invocation request the Functions host POSTs to <c>/{functionName}</c>: <c>Data</c> holds the
/// trigger and input bindings by binding name, <c>Metadata</c> the trigger metadata (plus <c>sys</c>).
/// </summary>
/// <remarks>WARNING: the member names are the Functions host's wire format.</remarks>
public sealed record InvocationRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Parses a request body; throws <see cref="JsonException"/> when it is not an invocation request.</summary>
    public static InvocationRequest Parse(string json) =>
        JsonSerializer.Deserialize<InvocationRequest>(json, Options) ?? throw new JsonException("The invocation request is null.");

    /// <summary>The trigger's data: the entry named <paramref name="bindingName"/> (case-insensitive), else the only entry.</summary>
    public JsonElement? Trigger(string bindingName)
    {
        if (Data is null || Data.Count == 0)
        {
            return null;
        }

        foreach ((string name, JsonElement value) in Data)
        {
            if (string.Equals(name, bindingName, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return Data.Count == 1 ? Data.Values.First() : null;
    }

    /// <summary>
    /// The timer data as <see cref="TimerInfo"/>: <c>{"Schedule":{…},"ScheduleStatus":{"Last","Next","LastUpdated"},"IsPastDue":bool}</c>,
    /// given as an object or as a JSON string.
    /// </summary>
    public static TimerInfo ReadTimer(JsonElement data)
    {
        JsonElement timer = Unwrap(data);
        var info = new TimerInfo();
        if (timer.ValueKind != JsonValueKind.Object)
        {
            return info;
        }

        foreach (JsonProperty property in timer.EnumerateObject())
        {
            if (property.NameEquals("IsPastDue") || string.Equals(property.Name, "IsPastDue", StringComparison.OrdinalIgnoreCase))
            {
                info.IsPastDue = property.Value.ValueKind == JsonValueKind.True;
            }
            else if (string.Equals(property.Name, "ScheduleStatus", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
            {
                info.ScheduleStatus = new ScheduleStatus
                {
                    Last = Time(property.Value, "Last"),
                    Next = Time(property.Value, "Next"),
                    LastUpdated = Time(property.Value, "LastUpdated"),
                };
            }
        }

        return info;
    }

    /// <summary>The queue message body: a JSON string's text, or the raw JSON of an object the host already parsed.</summary>
    public static string ReadQueueBody(JsonElement data) =>
        data.ValueKind == JsonValueKind.String ? data.GetString() ?? string.Empty : data.GetRawText();

    /// <summary>The metadata as binding data (numbers, strings, booleans; <c>sys</c> and nested objects as raw JSON).</summary>
    public Dictionary<string, object?> BindingData()
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, JsonElement value) in Metadata ?? [])
        {
            data[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.TryGetInt64(out long whole) ? whole : (object)value.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
        }

        return data;
    }

    private static JsonElement Unwrap(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.String)
        {
            return data;
        }

        using JsonDocument inner = JsonDocument.Parse(data.GetString() ?? "null");
        return inner.RootElement.Clone();
    }

    private static DateTime Time(JsonElement status, string name)
    {
        foreach (JsonProperty property in status.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(property.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
            {
                return value.UtcDateTime;
            }
        }

        return default;
    }
}

/// <summary>The custom-handler invocation response: <c>Outputs</c>, <c>Logs</c> and <c>ReturnValue</c>.</summary>
/// <remarks>WARNING: the member names are the Functions host's wire format.</remarks>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);
