using System.Globalization;
using System.Text.Json;

namespace Dealix.Functions.CustomerSuccess;

/// <summary>
/// Reads and validates the fields of a customer-success request body, collecting every problem so a 400 names them
/// all: a wrong type, a value out of range or a missing required field.
/// </summary>
internal sealed class CsBody(JsonElement root)
{
    public List<string> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    /// <summary>Parses <paramref name="json"/>; null (with the reason) when it is not a JSON object.</summary>
    public static CsBody? Parse(byte[] json, out string? error)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "The body must be a JSON object.";
                return null;
            }

            error = null;
            return new CsBody(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            error = "The body is not valid JSON.";
            return null;
        }
    }

    public int Int(string name, int min, int max, int? fallback = null)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (fallback is null)
            {
                Errors.Add($"'{name}' is required.");
            }

            return fallback ?? 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number) || number < min || number > max)
        {
            Errors.Add($"'{name}' must be a whole number from {min} to {max}.");
            return 0;
        }

        return number;
    }

    public int? OptionalInt(string name, int min, int max) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? Int(name, min, max) : null;

    public double Number(string name, double min, double max)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            Errors.Add($"'{name}' is required.");
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number) || number < min || number > max)
        {
            Errors.Add($"'{name}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
            return 0;
        }

        return number;
    }

    public bool Bool(string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Errors.Add($"'{name}' must be true or false.");
            return false;
        }

        return value.GetBoolean();
    }

    /// <summary>A string field checked by <paramref name="valid"/>; <paramref name="rule"/> says what is valid.</summary>
    public string? String(string name, bool required, Func<string, bool> valid, string rule)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Errors.Add($"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !valid(value.GetString()!))
        {
            Errors.Add($"'{name}' {rule}.");
            return null;
        }

        return value.GetString();
    }

    public DateOnly? Date(string name) => String(name, false, v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "must be a date as yyyy-MM-dd") is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public DateTimeOffset? Instant(string name) => String(name, false,
        v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) && v.Contains('T', StringComparison.Ordinal),
        "must be an ISO 8601 date and time") is { } text
        ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
        : null;
}
