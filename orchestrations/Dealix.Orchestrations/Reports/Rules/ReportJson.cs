using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>How reports are written: snake_case names (as the API's other JSON), enums as their wire names.</summary>
/// <remarks>WARNING: shapes every stored report; changing it changes what the report routes return.</remarks>
public static class ReportJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
