using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Configuration;

/// <summary>
/// Reads an app's configuration the way the Functions host does: host.json under <c>AzureFunctionsJobHost</c>, then
/// local.settings.json (its <c>Values</c> as app settings, its <c>Host</c> section as <c>Host:*</c>, its
/// <c>ConnectionStrings</c>), then environment variables, then the command line. Later sources win, so an environment
/// variable such as <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c> overrides host.json, as in Functions.
/// </summary>
public static class FunctionsConfiguration
{
    /// <summary>The configuration section host.json is read into.</summary>
    public const string HostJsonSection = "AzureFunctionsJobHost";

    /// <summary>
    /// The folder holding host.json: <c>--script-root</c>, else <c>AzureWebJobsScriptRoot</c>, else the current folder or
    /// the nearest parent with a host.json, else the application folder or its nearest parent with one.
    /// </summary>
    public static string FindScriptRoot(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (int i = 0; i < args.Count - 1; i++)
        {
            if (args[i] is "--script-root" or "--scriptroot")
            {
                return Path.GetFullPath(args[i + 1]);
            }
        }

        if (Environment.GetEnvironmentVariable("AzureWebJobsScriptRoot") is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return Nearest(Directory.GetCurrentDirectory()) ?? Nearest(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Adds host.json and local.settings.json from <paramref name="scriptRoot"/> ahead of the existing sources.</summary>
    public static void AddFunctionsFiles(IConfigurationBuilder configuration, string scriptRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string hostJson = Path.Combine(scriptRoot, "host.json");
        if (File.Exists(hostJson))
        {
            ReadHostJson(File.ReadAllText(hostJson), values);
        }

        string localSettings = Path.Combine(scriptRoot, "local.settings.json");
        if (File.Exists(localSettings))
        {
            ReadLocalSettings(File.ReadAllText(localSettings), values);
        }

        values["ScriptRoot"] = scriptRoot;
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values });
    }

    /// <summary>Flattens host.json into <paramref name="values"/> under <see cref="HostJsonSection"/>.</summary>
    public static void ReadHostJson(string json, IDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Flatten(document.RootElement, HostJsonSection, values);
    }

    /// <summary>Reads local.settings.json into <paramref name="values"/>; encrypted files are refused with the reason.</summary>
    public static void ReadLocalSettings(string json, IDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        JsonElement root = document.RootElement;
        if (root.TryGetProperty("IsEncrypted", out JsonElement encrypted) && encrypted.ValueKind == JsonValueKind.True)
        {
            throw new InvalidOperationException("local.settings.json is encrypted (IsEncrypted: true); this host reads plain settings only.");
        }

        if (root.TryGetProperty("Values", out JsonElement settings) && settings.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty setting in settings.EnumerateObject())
            {
                // Values are environment-style names: "A__B" is the configuration key "A:B".
                values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = Scalar(setting.Value);
            }
        }

        if (root.TryGetProperty("Host", out JsonElement host) && host.ValueKind == JsonValueKind.Object)
        {
            Flatten(host, "Host", values);
        }

        if (root.TryGetProperty("ConnectionStrings", out JsonElement connections) && connections.ValueKind == JsonValueKind.Object)
        {
            Flatten(connections, "ConnectionStrings", values);
        }
    }

    private static string? Nearest(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "host.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static void Flatten(JsonElement element, string prefix, IDictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index.ToString(CultureInfo.InvariantCulture)}", values);
                    index++;
                }

                break;
            default:
                values[prefix] = Scalar(element);
                break;
        }
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
