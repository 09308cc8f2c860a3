using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Dealix.Orchestrations.SelfImprovement.Ports;

namespace Dealix.Functions.Infrastructure.SelfImprovement;

/// <summary>
/// The §17.7 audit files in blob storage: container <c>dealix-audit</c>, blobs <c>audit/{tenant}/YYYY-MM-DD.jsonl</c> and
/// <c>.csv</c>. A rewrite of a day replaces its blobs with the same content (the export is deterministic).
/// </summary>
public sealed class BlobAuditExportStore(BlobServiceClient service) : IAuditExportStore
{
    public const string Container = "dealix-audit";

    private readonly Lazy<Task<BlobContainerClient>> _container = new(async () =>
    {
        BlobContainerClient container = service.GetBlobContainerClient(Container);
        await container.CreateIfNotExistsAsync();
        return container;
    });

    public async Task WriteAsync(string tenantId, DateOnly day, string jsonLines, string csv, CancellationToken cancellationToken = default)
    {
        BlobContainerClient container = await _container.Value;
        await container.GetBlobClient(Name(tenantId, day, "jsonl")).UploadAsync(BinaryData.FromString(jsonLines), overwrite: true, cancellationToken);
        await container.GetBlobClient(Name(tenantId, day, "csv")).UploadAsync(BinaryData.FromString(csv), overwrite: true, cancellationToken);
    }

    public async Task<string?> ReadAsync(string tenantId, DateOnly day, string format, CancellationToken cancellationToken = default)
    {
        BlobContainerClient container = await _container.Value;
        try
        {
            Response<Azure.Storage.Blobs.Models.BlobDownloadResult> content = await container.GetBlobClient(Name(tenantId, day, format)).DownloadContentAsync(cancellationToken);
            return Encoding.UTF8.GetString(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob name of a tenant's day in a format.</summary>
    public static string Name(string tenantId, DateOnly day, string format) =>
        $"audit/{tenantId}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{format}";
}
