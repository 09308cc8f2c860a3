using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// How the app's own rows and queue messages are written: System.Text.Json with web defaults (camelCase names,
/// case-insensitive reads) and enums as strings. The app owns this shape, whichever durable engine runs it.
/// </summary>
/// <remarks>WARNING: these options shape every stored draft, ledger entry and outbox message; changing them breaks stored data.</remarks>
public static class StoredJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
