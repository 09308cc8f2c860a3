using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Runtime.Hosting.Timers;

/// <summary>
/// Schedule statuses in blobs, where Azure Functions keeps them: container <c>azure-webjobs-hosts</c>, blob
/// <c>timers/{hostId}/{timerName}/status</c>, JSON <c>{"Last","Next","LastUpdated"}</c>.
/// </summary>
/// <remarks>WARNING: the container, path and JSON names are a storage format.</remarks>
public sealed class BlobScheduleMonitor(BlobContainerClient container, string hostId) : IScheduleMonitor
{
    /// <summary>The container Functions uses for host state.</summary>
    public const string ContainerName = "azure-webjobs-hosts";

    private int _created;

    /// <inheritdoc />
    public async Task<ScheduleStatus?> GetStatusAsync(string timerName, CancellationToken cancellation)
    {
        await EnsureContainerAsync(cancellation);
        try
        {
            BinaryData content = (await Blob(timerName).DownloadContentAsync(cancellation)).Value.Content;
            return content.ToObjectFromJson<ScheduleStatus>();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            // An unreadable status is treated as none: the timer starts its schedule afresh.
            return null;
        }
    }

    /// <inheritdoc />
    public async Task UpdateStatusAsync(string timerName, ScheduleStatus status, CancellationToken cancellation)
    {
        await EnsureContainerAsync(cancellation);
        await Blob(timerName).UploadAsync(BinaryData.FromObjectAsJson(status), overwrite: true, cancellation);
    }

    private BlobClient Blob(string timerName) => container.GetBlobClient($"timers/{hostId}/{timerName}/status");

    private async Task EnsureContainerAsync(CancellationToken cancellation)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellation);
            Volatile.Write(ref _created, 1);
        }
    }
}
