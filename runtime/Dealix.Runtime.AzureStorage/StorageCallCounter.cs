using Azure.Core;
using Azure.Core.Pipeline;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Counts the HTTP calls the backend makes to each storage service (what the storage bill and Azurite's load follow).</summary>
public sealed class StorageCallCounter
{
    private long _tables;
    private long _queues;
    private long _blobs;

    /// <summary>Table calls (a transaction counts once).</summary>
    public long Tables => Interlocked.Read(ref _tables);

    /// <summary>Queue calls.</summary>
    public long Queues => Interlocked.Read(ref _queues);

    /// <summary>Blob calls.</summary>
    public long Blobs => Interlocked.Read(ref _blobs);

    /// <summary>All calls.</summary>
    public long Total => Tables + Queues + Blobs;

    internal HttpPipelinePolicy Policy(string service) => new Counting(this, service);

    private sealed class Counting(StorageCallCounter counter, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            switch (service)
            {
                case "table":
                    Interlocked.Increment(ref counter._tables);
                    break;
                case "queue":
                    Interlocked.Increment(ref counter._queues);
                    break;
                default:
                    Interlocked.Increment(ref counter._blobs);
                    break;
            }
        }
    }
}
