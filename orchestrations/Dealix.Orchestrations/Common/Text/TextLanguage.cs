using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Common.Text;

/// <summary>The language of a message as reported in classification output (§9.2 "language").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextLanguage>))]
public enum TextLanguage
{
    /// <summary>No letters at all (empty, emoji, digits).</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>Arabic script only.</summary>
    [JsonStringEnumMemberName("ar")] Arabic,

    /// <summary>Latin script only, including Arabizi.</summary>
    [JsonStringEnumMemberName("en")] English,

    /// <summary>Both scripts.</summary>
    [JsonStringEnumMemberName("mixed")] Mixed,
}
