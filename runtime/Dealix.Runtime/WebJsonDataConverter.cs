using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dealix.Runtime;

/// <summary>
/// The Dealix engine's default converter: System.Text.Json with web defaults (camelCase names, case-insensitive reads) and enums
/// written as strings.
/// </summary>
/// <remarks>WARNING: these options shape every stored payload; changing them breaks running instances.</remarks>
public sealed class WebJsonDataConverter : DataConverter
{
    /// <summary>The shared instance.</summary>
    public static WebJsonDataConverter Default { get; } = new();

    /// <summary>The serializer options in use.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <inheritdoc />
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public override string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <inheritdoc />
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(data))]
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null)
        {
            return null;
        }

        // A JSON "null" reads as null, as the SDK's own converter does, despite the attribute the base class declares.
        return JsonSerializer.Deserialize(data, targetType, Options)!;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
