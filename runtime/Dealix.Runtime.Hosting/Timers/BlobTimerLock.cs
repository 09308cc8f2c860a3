using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace Dealix.Runtime.Hosting.Timers;

/// <summary>
/// Timer locks as blob leases in <c>azure-webjobs-hosts/locks/{hostId}/{timerName}/listener</c> (where Functions keeps
/// its singleton locks): 30-second leases renewed every 10 seconds; a dead holder's lease lapses and another instance
/// takes over.
/// </summary>
public sealed class BlobTimerLock(BlobContainerClient container, string hostId) : ITimerLock
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task<ITimerLease?> TryAcquireAsync(string timerName, CancellationToken cancellation)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellation);
        BlobClient blob = container.GetBlobClient($"locks/{hostId}/{timerName}/listener");
        try
        {
            await blob.UploadAsync(BinaryData.FromString(string.Empty), overwrite: false, cancellation);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The lock blob exists (possibly leased): fine.
        }

        BlobLeaseClient lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellation);
            return new Lease(lease);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    private sealed class Lease(BlobLeaseClient lease) : ITimerLease
    {
        public TimeSpan RenewInterval => TimeSpan.FromSeconds(10);

        public async Task<bool> RenewAsync(CancellationToken cancellation)
        {
            try
            {
                await lease.RenewAsync(cancellationToken: cancellation);
                return true;
            }
            catch (RequestFailedException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lost or storage gone: the lease lapses by itself.
            }
            catch (System.Net.Http.HttpRequestException)
            {
                // Storage unreachable at shutdown: the lease lapses by itself.
            }
        }
    }
}
