using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dealix.DurableTask;

/// <summary>
/// The default converter: System.Text.Json with web defaults (camelCase names, case-insensitive reads) and enums
/// written as strings.
/// </summary>
/// <remarks>WARNING: these options shape every stored payload; changing them breaks running instances.</remarks>
public sealed class JsonDataConverter : DataConverter
{
    /// <summary>The shared instance.</summary>
    public static JsonDataConverter Default { get; } = new();

    /// <summary>The serializer options in use.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <inheritdoc />
    public override string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <inheritdoc />
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null)
        {
            return null;
        }

        return JsonSerializer.Deserialize(data, targetType, Options);
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
