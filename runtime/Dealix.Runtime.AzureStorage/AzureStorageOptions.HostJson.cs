using System.Globalization;
using System.Text.Json;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Reading the durable settings of host.json, as Durable Functions does.</summary>
public sealed partial class AzureStorageOptions
{
    /// <summary>
    /// Options from host.json's <c>extensions.durableTask</c> section: <c>hubName</c>, and under
    /// <c>storageProvider</c> <c>partitionCount</c>, <c>maxQueuePollingInterval</c>, <c>controlQueueVisibilityTimeout</c>
    /// and <c>maxDequeueCount</c> (absent settings keep their defaults). The connection string is looked up by the
    /// provider's <c>connectionName</c> (default <c>AzureWebJobsStorage</c>) through <paramref name="connectionStrings"/>.
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

                if (provider.TryGetProperty("partitionCount", out JsonElement partitions))
                {
                    options.PartitionCount = partitions.GetInt32();
                }

                if (provider.TryGetProperty("maxDequeueCount", out JsonElement dequeue))
                {
                    options.MaxDequeueCount = dequeue.GetInt32();
                }

                if (provider.TryGetProperty("maxQueuePollingInterval", out JsonElement polling))
                {
                    options.MaxQueuePollingInterval = TimeSpan.Parse(polling.GetString()!, CultureInfo.InvariantCulture);
                }

                if (provider.TryGetProperty("controlQueueVisibilityTimeout", out JsonElement visibility))
                {
                    options.MessageLockTimeout = TimeSpan.Parse(visibility.GetString()!, CultureInfo.InvariantCulture);
                }
            }
        }

        options.ConnectionString = connectionStrings(connectionName)
            ?? throw new InvalidOperationException($"host.json names the storage connection '{connectionName}', which is not configured.");
        options.Validate();
        return options;
    }
}
