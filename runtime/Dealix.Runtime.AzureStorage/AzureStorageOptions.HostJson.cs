using System.Globalization;
using System.Text.Json;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Reading the durable settings of host.json, as Durable Functions does.</summary>
public sealed partial class AzureStorageOptions
{
    /// <summary>
    /// Options from host.json's <c>extensions.durableTask</c> section: <c>hubName</c>, and under
    /// <c>storageProvider</c> <c>partitionCount</c>, <c>maxQueuePollingInterval</c>, <c>controlQueueVisibilityTimeout</c>,
    /// <c>maxDequeueCount</c> (the dead-letter limit), <c>retentionPeriod</c> and <c>retentionInterval</c> (absent settings
    /// keep their defaults; a value of the wrong type or out of range throws <see cref="InvalidOperationException"/>
    /// naming it). The connection string is looked up by the provider's <c>connectionName</c> (default <c>AzureWebJobsStorage</c>) through <paramref name="connectionStrings"/>.
    /// </summary>
    public static AzureStorageOptions FromHostJson(string hostJson, Func<string, string?> connectionStrings)
    {
        ArgumentNullException.ThrowIfNull(hostJson);
        ArgumentNullException.ThrowIfNull(connectionStrings);
        var options = new AzureStorageOptions();
        using JsonDocument document = JsonDocument.Parse(hostJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        string connectionName = "AzureWebJobsStorage";
        if (document.RootElement.TryGetProperty("extensions", out JsonElement extensions)
            && extensions.TryGetProperty("durableTask", out JsonElement durable))
        {
            if (durable.TryGetProperty("hubName", out JsonElement hub) && hub.GetString() is { Length: > 0 } hubName)
            {
                options.TaskHubName = hubName;
            }

            if (durable.TryGetProperty("storageProvider", out JsonElement provider))
            {
                if (provider.TryGetProperty("connectionName", out JsonElement name) && name.GetString() is { Length: > 0 } n)
                {
                    connectionName = n;
                }

                options.PartitionCount = Int(provider, "partitionCount", 1, 16) ?? options.PartitionCount;
                options.MaxDequeueCount = Int(provider, "maxDequeueCount", 1, 1000) ?? options.MaxDequeueCount;
                options.MaxQueuePollingInterval = Span(provider, "maxQueuePollingInterval") ?? options.MaxQueuePollingInterval;
                options.MessageLockTimeout = Span(provider, "controlQueueVisibilityTimeout") ?? options.MessageLockTimeout;
                options.RetentionPeriod = Span(provider, "retentionPeriod") ?? options.RetentionPeriod;
                options.RetentionInterval = Span(provider, "retentionInterval") ?? options.RetentionInterval;
            }
        }

        options.ConnectionString = connectionStrings(connectionName)
            ?? throw new InvalidOperationException($"host.json names the storage connection '{connectionName}', which is not configured.");
        options.Validate();
        return options;
    }

    private static int? Int(JsonElement section, string name, int min, int max)
    {
        if (!section.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= min && number <= max
            ? number
            : throw new InvalidOperationException(
                $"host.json extensions.durableTask.storageProvider.{name} is {value.GetRawText()}; it must be a whole number between {min} and {max}.");
    }

    private static TimeSpan? Span(JsonElement section, string name)
    {
        if (!section.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out TimeSpan span) && span > TimeSpan.Zero
            ? span
            : throw new InvalidOperationException(
                $"host.json extensions.durableTask.storageProvider.{name} is {value.GetRawText()}; it must be a positive duration such as \"00:05:00\" or \"30.00:00:00\" (d.hh:mm:ss).");
    }
}
