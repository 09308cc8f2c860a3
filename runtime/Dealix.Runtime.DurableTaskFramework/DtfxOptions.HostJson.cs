using System.Globalization;
using System.Text.Json;

namespace Dealix.Runtime.DurableTaskFramework;

/// <summary>Reading host.json's durable settings, as Durable Functions does.</summary>
public sealed partial record DtfxOptions
{
    /// <summary>host.json's <c>storageProvider.type</c> for the Dealix engine (the local host's default).</summary>
    public const string DealixProviderType = "Dealix";

    /// <summary>host.json's <c>storageProvider.type</c> for Microsoft's engine on DurableTask.AzureStorage.</summary>
    public const string AzureStorageProviderType = "AzureStorage";

    /// <summary>The app setting that overrides host.json's provider type, as on Azure Functions.</summary>
    public const string ProviderTypeEnvironmentVariable = "AzureFunctionsJobHost__extensions__durableTask__storageProvider__type";

    private static readonly JsonDocumentOptions HostJsonReading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The storage provider the app runs on: <see cref="ProviderTypeEnvironmentVariable"/> when set, else host.json's
    /// <c>extensions.durableTask.storageProvider.type</c>, else <see cref="DealixProviderType"/>. Returns one of the
    /// two constants (matched ignoring case).
    /// </summary>
    /// <param name="hostJson">The text of host.json.</param>
    /// <param name="environment">Reads an environment variable or app setting; null when unset.</param>
    /// <returns><see cref="DealixProviderType"/> or <see cref="AzureStorageProviderType"/>.</returns>
    /// <exception cref="InvalidOperationException">The type names neither provider.</exception>
    public static string StorageProviderType(string hostJson, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(hostJson);
        ArgumentNullException.ThrowIfNull(environment);
        string? type = environment(ProviderTypeEnvironmentVariable);
        string source = ProviderTypeEnvironmentVariable;
        if (string.IsNullOrWhiteSpace(type))
        {
            using JsonDocument document = JsonDocument.Parse(hostJson, HostJsonReading);
            type = StorageProvider(document.RootElement) is { } provider && provider.TryGetProperty("type", out JsonElement value)
                ? value.GetString()
                : null;
            source = "host.json extensions.durableTask.storageProvider.type";
        }

        if (string.IsNullOrWhiteSpace(type) || type.Equals(DealixProviderType, StringComparison.OrdinalIgnoreCase))
        {
            return DealixProviderType;
        }

        return type.Equals(AzureStorageProviderType, StringComparison.OrdinalIgnoreCase)
            ? AzureStorageProviderType
            : throw new InvalidOperationException(
                $"{source} is '{type}'; the local host runs '{DealixProviderType}' (default) or '{AzureStorageProviderType}'.");
    }

    /// <summary>
    /// Options from host.json's <c>extensions.durableTask</c> section: <c>hubName</c>,
    /// <c>maxConcurrentOrchestratorFunctions</c>, <c>maxConcurrentActivityFunctions</c>, and under
    /// <c>storageProvider</c> <c>partitionCount</c> and <c>maxQueuePollingInterval</c>; absent settings keep Durable
    /// Functions' defaults. The connection string is looked up by the provider's <c>connectionName</c> (or the older
    /// <c>connectionStringName</c>; default <c>AzureWebJobsStorage</c>) through <paramref name="connectionStrings"/>.
    /// </summary>
    /// <param name="hostJson">The text of host.json.</param>
    /// <param name="connectionStrings">Resolves a connection name to its connection string; null when unknown.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">The named connection is not configured.</exception>
    public static DtfxOptions FromHostJson(string hostJson, Func<string, string?> connectionStrings)
    {
        ArgumentNullException.ThrowIfNull(hostJson);
        ArgumentNullException.ThrowIfNull(connectionStrings);
        using JsonDocument document = JsonDocument.Parse(hostJson, HostJsonReading);
        JsonElement? durable = DurableTask(document.RootElement);
        JsonElement? provider = StorageProvider(document.RootElement);
        string connectionName = Text(provider, "connectionName") ?? Text(provider, "connectionStringName") ?? "AzureWebJobsStorage";
        string connectionString = connectionStrings(connectionName)
            ?? throw new InvalidOperationException($"host.json names the storage connection '{connectionName}', which is not configured.");

        var defaults = new DtfxOptions { ConnectionString = connectionString };
        return defaults with
        {
            TaskHubName = Text(durable, "hubName") ?? defaults.TaskHubName,
            MaxConcurrentOrchestrationWorkItems = Number(durable, "maxConcurrentOrchestratorFunctions") ?? defaults.MaxConcurrentOrchestrationWorkItems,
            MaxConcurrentActivityWorkItems = Number(durable, "maxConcurrentActivityFunctions") ?? defaults.MaxConcurrentActivityWorkItems,
            PartitionCount = Number(provider, "partitionCount") ?? defaults.PartitionCount,
            MaxQueuePollingInterval = Text(provider, "maxQueuePollingInterval") is { } polling
                ? TimeSpan.Parse(polling, CultureInfo.InvariantCulture)
                : defaults.MaxQueuePollingInterval,
        };
    }

    private static JsonElement? DurableTask(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("extensions", out JsonElement extensions) && extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty("durableTask", out JsonElement durable) && durable.ValueKind == JsonValueKind.Object
            ? durable
            : null;

    private static JsonElement? StorageProvider(JsonElement root) =>
        DurableTask(root) is { } durable
        && durable.TryGetProperty("storageProvider", out JsonElement provider) && provider.ValueKind == JsonValueKind.Object
            ? provider
            : null;

    private static string? Text(JsonElement? section, string name) =>
        section is { } s && s.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

    private static int? Number(JsonElement? section, string name) =>
        section is { } s && s.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
