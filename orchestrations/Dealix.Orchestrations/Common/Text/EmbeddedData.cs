using System.Reflection;
using System.Text.Json;

namespace Dealix.Orchestrations.Common.Text;

/// <summary>Reads the area data files (<c>&lt;Area&gt;/Data/*</c>) that the project embeds as resources.</summary>
public static class EmbeddedData
{
    private static readonly Assembly Owner = typeof(EmbeddedData).Assembly;

    /// <summary>JSON options for data files: camelCase or kebab names, comments and trailing commas allowed.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Opens the embedded file whose name ends with <paramref name="fileName"/> (e.g. "Replies.Data.optout-rules.json").</summary>
    public static Stream Open(string fileName)
    {
        string? resource = Owner.GetManifestResourceNames()
            .SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return resource is null
            ? throw new InvalidOperationException($"Embedded data file '{fileName}' is missing from the assembly.")
            : Owner.GetManifestResourceStream(resource)!;
    }

    /// <summary>Opens the embedded file whose name ends with <paramref name="fileName"/>, or null when there is none.</summary>
    public static Stream? TryOpen(string fileName)
    {
        string? resource = Owner.GetManifestResourceNames()
            .SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return resource is null ? null : Owner.GetManifestResourceStream(resource);
    }

    /// <summary>Reads a whole embedded text file.</summary>
    public static string ReadText(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        return reader.ReadToEnd();
    }

    /// <summary>Deserialises an embedded JSON file.</summary>
    public static T ReadJson<T>(string fileName)
    {
        using Stream stream = Open(fileName);
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Embedded data file '{fileName}' is empty.");
    }
}
