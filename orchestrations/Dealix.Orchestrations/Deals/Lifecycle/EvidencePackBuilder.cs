using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// Builds the evidence pack of DOMAIN.md §8.9: deal data, lead data and approval records as canonical JSON (UTF-8,
/// keys sorted ordinally at every level, no insignificant whitespace, no <c>sha256</c> field) and the lowercase-hex
/// SHA-256 of those bytes. Pure: the caller supplies ids and time.
/// </summary>
public static class EvidencePackBuilder
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Assembles and hashes the pack.</summary>
    public static EvidencePack Build(string evidencePackId, EvidencePackInput input, IReadOnlyList<ReplyDraft> drafts, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(drafts);
        var document = new JsonObject
        {
            ["evidence_pack_id"] = evidencePackId,
            ["tenant_id"] = input.TenantId,
            ["deal_id"] = input.DealInstanceId,
            ["correlation_id"] = input.CorrelationId,
            ["created_at"] = Iso(createdAt),
            ["deal"] = new JsonObject
            {
                ["stage"] = DealStages.WireName(DealStage.ClosedWon),
                ["won_at"] = Iso(input.WonAt),
                ["closed_by"] = input.ClosedBy,
            },
            ["lead"] = new JsonObject
            {
                ["contact_id"] = input.ContactId,
                ["channel"] = JsonSerializer.Serialize(input.Channel).Trim('"'),
            },
            ["approvals"] = new JsonArray([.. drafts
                .Where(d => d.Reviewer is not null || d.AutoApproved)
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.DraftId, StringComparer.Ordinal)
                .Select(d => (JsonNode)new JsonObject
                {
                    ["approval_id"] = d.DraftId,
                    ["status"] = JsonSerializer.Serialize(d.Status).Trim('"'),
                    ["reviewer"] = d.Reviewer,
                    ["decided_at"] = d.DecidedAt is { } at ? Iso(at) : null,
                    ["reason"] = d.DecisionReason,
                    ["auto_approved"] = d.AutoApproved,
                    ["stage"] = DealStages.WireName(d.Stage),
                    ["category"] = d.Category,
                    ["correlation_id"] = d.CorrelationId,
                })]),
        };

        string canonical = Canonicalize(document);
        return new EvidencePack(evidencePackId, input.TenantId, input.DealInstanceId, input.CorrelationId, createdAt, canonical, Hash(canonical));
    }

    /// <summary>The lowercase-hex SHA-256 of the canonical JSON's UTF-8 bytes.</summary>
    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    /// <summary>Re-serializes any JSON with sorted keys and no whitespace, dropping a top-level <c>sha256</c>.</summary>
    public static string Canonicalize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        JsonNode sorted = Sort(node)!;
        if (sorted is JsonObject root)
        {
            root.Remove("sha256");
        }

        return sorted.ToJsonString(Compact);
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    private static string Iso(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
