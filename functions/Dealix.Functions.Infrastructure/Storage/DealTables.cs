using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// The deal area's Azure Tables (tenant id = partition key everywhere): <c>Drafts</c>, <c>AuditLedger</c>,
/// <c>Suppression</c>, <c>EvidencePacks</c>, <c>CallbackTokens</c>, <c>InboundMessages</c>, <c>KillSwitch</c>,
/// <c>Notifications</c>. Each table is created on first use. <see cref="Prefix"/> lets tests own their tables.
/// </summary>
public sealed class DealTables(TableServiceClient service, string prefix = "")
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    /// <summary>Prepended to every table name (alphanumeric).</summary>
    public string Prefix { get; } = prefix;

    /// <summary>The table, created if missing.</summary>
    public Task<TableClient> GetAsync(string name) => _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
    {
        TableClient table = service.GetTableClient(Prefix + n);
        await table.CreateIfNotExistsAsync();
        return table;
    })).Value;

    /// <summary>A row key safe for any input: the lowercase hex SHA-256 of the value (no '/', '\', '#', '?').</summary>
    public static string HashKey(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
