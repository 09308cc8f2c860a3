using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Reports;

/// <summary>
/// <c>GET /api/v1/evidence-packs/{dealId}</c> (§16.2, §8.9): the tamper-evident evidence pack assembled when the deal
/// reached <c>closed_won</c>, with its SHA-256 and whether the stored canonical JSON still hashes to it
/// (<c>verified</c>). The deal id is the deal's instance id (<c>deal:{tenant}:{contact}</c>, URL-encoded); an id that is
/// empty, over 256 characters or holds control characters is a 400; none stored is a 404. Tenant-scoped through
/// <see cref="TenantGate"/> (another tenant's key: 403). Reads only.
/// </summary>
public static class EvidencePackApi
{
    public const string Name = "EvidencePackGet";

    private const int MaxDealId = 256;

    [Function(Name)]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/evidence-packs/{dealId}")] HttpRequest request,
        string dealId, IEvidencePackStore packs, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(packs);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "evidence-packs", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string id = Uri.UnescapeDataString(dealId ?? string.Empty);
        if (id.Length is 0 or > MaxDealId || id.Any(char.IsControl))
        {
            return DealHttp.BadRequest($"dealId must be a deal instance id (deal:{{tenant}}:{{contact}}) of 1–{MaxDealId} characters.", correlationId);
        }

        EvidencePack? pack = await packs.GetAsync(access.Tenant!, id, cancellation);
        if (pack is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", "No evidence pack for this deal (one is assembled when it reaches closed_won).", correlationId);
        }

        using JsonDocument content = JsonDocument.Parse(pack.CanonicalJson);
        return Results.Json(new
        {
            evidence_pack_id = pack.EvidencePackId,
            tenant = pack.TenantId,
            deal_id = pack.DealId,
            created_at = pack.CreatedAt,
            sha256 = pack.Sha256,
            verified = string.Equals(EvidencePackBuilder.Hash(pack.CanonicalJson), pack.Sha256, StringComparison.Ordinal),
            pack = content.RootElement.Clone(),
            correlation_id = correlationId,
        });
    }
}
