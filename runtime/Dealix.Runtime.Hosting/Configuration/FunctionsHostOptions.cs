using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Configuration;

/// <summary>
/// The host settings this host honours, read from configuration (host.json under <c>AzureFunctionsJobHost</c>,
/// app settings, <c>Host:*</c> from local.settings.json and the command line). Defaults are the Functions defaults.
/// </summary>
public sealed record FunctionsHostOptions
{
    /// <summary>The default local port, as <c>func start</c>.</summary>
    public const int DefaultPort = 7071;

    /// <summary>The folder holding host.json.</summary>
    public string ScriptRoot { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>HTTP port: <c>--port</c>, else <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, else <c>Host.LocalHttpPort</c>, else 7071.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Listen on every interface (containers) instead of loopback (<c>Host:ListenAnyIP</c>).</summary>
    public bool ListenAnyIP { get; init; }

    /// <summary>Route prefix of HTTP functions (<c>extensions.http.routePrefix</c>, default <c>api</c>).</summary>
    public string RoutePrefix { get; init; } = "api";

    /// <summary>Largest accepted request body in bytes (<c>extensions.http.maxRequestBodySize</c>, default 100 MB as Functions).</summary>
    public long MaxRequestBodySize { get; init; } = 100L * 1024 * 1024;

    /// <summary>Function timeout (<c>functionTimeout</c>); null means unbounded.</summary>
    public TimeSpan? FunctionTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Task hub name (<c>extensions.durableTask.hubName</c>, default <c>TestHubName</c> as Durable Functions).</summary>
    public string HubName { get; init; } = "TestHubName";

    /// <summary><see cref="StorageType"/> of the Dealix engine on its Azure Storage backend (the default).</summary>
    public const string DealixProvider = "Dealix";

    /// <summary><see cref="StorageType"/> of Microsoft's engine: DurableTask.Core on DurableTask.AzureStorage.</summary>
    public const string AzureStorageProvider = "AzureStorage";

    /// <summary><see cref="StorageType"/> of the Dealix engine in memory (tests and quick trials; nothing survives a restart).</summary>
    public const string InMemoryProvider = "InMemory";

    /// <summary>
    /// The durable storage provider (<c>extensions.durableTask.storageProvider.type</c>, overridden like any host.json
    /// setting by the app setting <c>AzureFunctionsJobHost__extensions__durableTask__storageProvider__type</c>): one of
    /// <see cref="DealixProvider"/> (default), <see cref="AzureStorageProvider"/> or <see cref="InMemoryProvider"/>,
    /// spelled as these constants whatever the case in the setting.
    /// </summary>
    public string StorageType { get; init; } = DealixProvider;

    /// <summary>True when Microsoft's engine (DurableTask.AzureStorage) runs the app instead of the Dealix engine.</summary>
    public bool IsAzureStorageProvider => StorageType == AzureStorageProvider;

    /// <summary>The app setting holding the storage connection (<c>storageProvider.connectionName</c>, default <c>AzureWebJobsStorage</c>).</summary>
    public string ConnectionName { get; init; } = "AzureWebJobsStorage";

    /// <summary>The storage connection string, resolved from <see cref="ConnectionName"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Control queues (<c>storageProvider.partitionCount</c>, default 4).</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Longest idle poll of the durable queues (<c>storageProvider.maxQueuePollingInterval</c>).</summary>
    public TimeSpan? MaxQueuePollingInterval { get; init; }

    /// <summary>
    /// Deliveries of a durable message before it is dead-lettered (<c>storageProvider.maxDequeueCount</c>, 1–1000; null
    /// keeps the engine's default of 8).
    /// </summary>
    public int? DurableMaxDequeueCount { get; init; }

    /// <summary>Ended instances completed longer ago than this are purged (<c>storageProvider.retentionPeriod</c>); null keeps them.</summary>
    public TimeSpan? RetentionPeriod { get; init; }

    /// <summary>How often the retention timer runs (<c>storageProvider.retentionInterval</c>; null: every minute).</summary>
    public TimeSpan? RetentionInterval { get; init; }

    /// <summary>Activities run at once (<c>maxConcurrentActivityFunctions</c>, default 10 × cores).</summary>
    public int MaxConcurrentActivityFunctions { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>Episodes run at once (<c>maxConcurrentOrchestratorFunctions</c>, default 10 × cores).</summary>
    public int MaxConcurrentOrchestratorFunctions { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>Deliveries before a queue message moves to the poison queue (<c>extensions.queues.maxDequeueCount</c>, default 5).</summary>
    public int QueueMaxDequeueCount { get; init; } = 5;

    /// <summary>Longest idle poll of trigger queues (<c>extensions.queues.maxPollingInterval</c>, default 1 minute).</summary>
    public TimeSpan QueueMaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Delay before a failed message is retried (<c>extensions.queues.visibilityTimeout</c>, default 0).</summary>
    public TimeSpan QueueVisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Messages fetched per poll (<c>extensions.queues.batchSize</c>, default 16, at most 32).</summary>
    public int QueueBatchSize { get; init; } = 16;

    /// <summary>Queue message encoding (<c>extensions.queues.messageEncoding</c>): <c>base64</c> (default) or <c>none</c>.</summary>
    public string QueueMessageEncoding { get; init; } = "base64";

    /// <summary>True when the Functions host runs this app as a custom handler (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is set).</summary>
    public bool IsCustomHandler { get; init; }

    /// <summary>Id of this host in the timer monitor's storage paths (<c>AzureFunctionsWebHost:hostid</c>, default the hub name).</summary>
    public string HostId { get; init; } = "testhubname";

    /// <summary>Time zone of timer schedules (<c>WEBSITE_TIME_ZONE</c> or <c>TZ</c>, default UTC).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Reads the options from configuration; throws <see cref="InvalidOperationException"/> naming a bad setting.</summary>
    public static FunctionsHostOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection host = configuration.GetSection(FunctionsConfiguration.HostJsonSection);
        IConfigurationSection durable = host.GetSection("extensions:durableTask");
        IConfigurationSection storage = durable.GetSection("storageProvider");
        IConfigurationSection queues = host.GetSection("extensions:queues");
        string hub = durable["hubName"] is { Length: > 0 } hubName ? hubName : "TestHubName";
        string connectionName = storage["connectionName"] ?? storage["connectionStringName"] ?? "AzureWebJobsStorage";
        string? customHandlerPort = configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
        int port = Int(configuration, "port", null)
            ?? Int(configuration, "FUNCTIONS_CUSTOMHANDLER_PORT", null)
            ?? Int(configuration, "Host:LocalHttpPort", null)
            ?? DefaultPort;
        string? zone = configuration["WEBSITE_TIME_ZONE"] ?? configuration["TZ"];
        return new FunctionsHostOptions
        {
            ScriptRoot = configuration["ScriptRoot"] ?? Directory.GetCurrentDirectory(),
            Port = port,
            ListenAnyIP = Bool(configuration, "Host:ListenAnyIP") ?? false,
            RoutePrefix = (host["extensions:http:routePrefix"] ?? "api").Trim('/'),
            MaxRequestBodySize = Long(host, "extensions:http:maxRequestBodySize") ?? 100L * 1024 * 1024,
            FunctionTimeout = FunctionTimeoutOf(host["functionTimeout"]),
            HubName = hub,
            StorageType = ProviderOf(configuration[DurableProviderSetting] ?? storage["type"]),
            ConnectionName = connectionName,
            ConnectionString = configuration[connectionName] ?? configuration.GetConnectionString(connectionName),
            PartitionCount = Int(storage, "partitionCount", 1..16) ?? 4,
            MaxQueuePollingInterval = Span(storage, "maxQueuePollingInterval"),
            DurableMaxDequeueCount = Int(storage, "maxDequeueCount", 1..1000),
            RetentionPeriod = PositiveSpan(storage, "retentionPeriod"),
            RetentionInterval = PositiveSpan(storage, "retentionInterval"),
            MaxConcurrentActivityFunctions = Int(durable, "maxConcurrentActivityFunctions", 1..int.MaxValue) ?? 10 * Environment.ProcessorCount,
            MaxConcurrentOrchestratorFunctions = Int(durable, "maxConcurrentOrchestratorFunctions", 1..int.MaxValue) ?? 10 * Environment.ProcessorCount,
            QueueMaxDequeueCount = Int(queues, "maxDequeueCount", 1..int.MaxValue) ?? 5,
            QueueMaxPollingInterval = Span(queues, "maxPollingInterval") ?? TimeSpan.FromMinutes(1),
            QueueVisibilityTimeout = Span(queues, "visibilityTimeout") ?? TimeSpan.Zero,
            QueueBatchSize = Int(queues, "batchSize", 1..32) ?? 16,
            QueueMessageEncoding = (queues["messageEncoding"] ?? "base64").ToLowerInvariant(),
            IsCustomHandler = !string.IsNullOrEmpty(customHandlerPort),
            HostId = (configuration["AzureFunctionsWebHost:hostid"] ?? hub).ToLowerInvariant(),
            TimeZone = zone is { Length: > 0 } ? TimeZoneInfo.FindSystemTimeZoneById(zone) : TimeZoneInfo.Utc,
        };
    }

    /// <summary>
    /// The app setting (<c>Dealix__DurableProvider</c>) that, when set, chooses the provider for this host alone. In a
    /// custom-handler deployment the Functions host reads host.json and the <c>AzureFunctionsJobHost__…</c> settings
    /// too, and its Durable extension refuses a provider type it does not know; there the package's host.json keeps
    /// <c>AzureStorage</c> for it and this setting tells our host to run the Dealix engine.
    /// </summary>
    public const string DurableProviderSetting = "Dealix:DurableProvider";

    private static string ProviderOf(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return DealixProvider;
        }

        foreach (string known in (string[])[DealixProvider, AzureStorageProvider, InMemoryProvider])
        {
            if (string.Equals(type.Trim(), known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        throw new InvalidOperationException(
            $"host.json extensions.durableTask.storageProvider.type (or the app setting " +
            $"AzureFunctionsJobHost__extensions__durableTask__storageProvider__type, or Dealix__DurableProvider) is '{type}'; use one of " +
            $"'{DealixProvider}' (the Dealix engine on Azure Storage, default), '{AzureStorageProvider}' (Microsoft's " +
            $"DurableTask.AzureStorage) or '{InMemoryProvider}' (the Dealix engine in memory).");
    }

    private static TimeSpan? FunctionTimeoutOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return TimeSpan.FromMinutes(30);
        }

        if (value == "-1")
        {
            return null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan timeout) && timeout > TimeSpan.Zero
            ? timeout
            : throw new InvalidOperationException($"host.json functionTimeout '{value}' is not a positive hh:mm:ss duration (or -1 for unbounded).");
    }

    private static int? Int(IConfiguration section, string key, Range? range)
    {
        string? value = section[key];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed)
            || (range is { } r && (parsed < r.Start.Value || parsed > r.End.Value)))
        {
            throw new InvalidOperationException($"Setting '{Path(section, key)}' = '{value}' is not a valid number{(range is { } b ? $" between {b.Start.Value} and {b.End.Value}" : string.Empty)}.");
        }

        return parsed;
    }

    private static long? Long(IConfiguration section, string key)
    {
        string? value = section[key];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) && parsed > 0
            ? parsed
            : throw new InvalidOperationException($"Setting '{Path(section, key)}' = '{value}' is not a positive number.");
    }

    private static bool? Bool(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } value ? bool.TryParse(value, out bool parsed) && parsed : null;

    private static TimeSpan? Span(IConfiguration section, string key)
    {
        string? value = section[key];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan parsed) && parsed >= TimeSpan.Zero
            ? parsed
            : throw new InvalidOperationException($"Setting '{Path(section, key)}' = '{value}' is not a hh:mm:ss duration.");
    }

    private static TimeSpan? PositiveSpan(IConfiguration section, string key)
    {
        string? value = section[key];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan parsed) && parsed > TimeSpan.Zero
            ? parsed
            : throw new InvalidOperationException(
                $"Setting '{Path(section, key)}' = '{value}' is not a positive duration such as \"01:00:00\" or \"30.00:00:00\" (d.hh:mm:ss).");
    }

    private static string Path(IConfiguration section, string key) =>
        section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
}
