using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Storage.Blobs;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// Gzipped blobs for text too large for a queue message or a table property. Blob names start with the escaped
/// instance id (<c>{instance}/…</c>) so purging an instance removes its payloads by prefix.
/// </summary>
internal sealed class PayloadStore(BlobContainerClient container)
{
    /// <summary>Largest text kept inline in a table property (UTF-16 characters; the service limit is 32K).</summary>
    public const int MaxInlineTableChars = 30_000;

    /// <summary>Largest queue message body kept inline (bytes; the service limit is 64 KiB).</summary>
    public const int MaxInlineQueueBytes = 48_000;

    public BlobContainerClient Container => container;

    public static string BlobName(string instanceId, string kind, string uniquePart) =>
        $"{KeyEncoding.Encode(instanceId)}/{kind}-{KeyEncoding.Encode(uniquePart)}.json.gz";

    public async Task UploadAsync(string blobName, string text, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            await gzip.WriteAsync(bytes, cancellation);
        }

        buffer.Position = 0;
        await container.GetBlobClient(blobName).UploadAsync(buffer, overwrite: true, cancellation);
    }

    public async Task<string> DownloadAsync(string blobName, CancellationToken cancellation)
    {
        Response<Azure.Storage.Blobs.Models.BlobDownloadStreamingResult> response =
            await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellation);
        await using Stream content = response.Value.Content;
        await using var gzip = new GZipStream(content, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellation);
    }

    public async Task<int> DeletePrefixAsync(string instanceId, CancellationToken cancellation)
    {
        int deleted = 0;
        string prefix = KeyEncoding.Encode(instanceId) + "/";
        await foreach (Azure.Storage.Blobs.Models.BlobItem item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellation))
        {
            await container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellation);
            deleted++;
        }

        return deleted;
    }
}
