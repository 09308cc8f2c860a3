using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Outreach;

/// <summary>
/// The daily pipeline's input (operator key required, tenant-scoped): <c>POST /api/v1/prospects/import</c> stores up to
/// 500 prospects of the caller's tenant (validated by <see cref="ProspectImport"/>; one bad row rejects the call with 400
/// and nothing is stored) with their WhatsApp opt-in records (§7.4); <c>GET /api/v1/prospects</c> lists them (ids,
/// company, sector, city, last contact — no personal data).
/// </summary>
public static class ProspectsApi
{
    public const string ImportName = "ProspectsImport";
    public const string ListName = "ProspectsList";

    private const long MaxBodyBytes = 1024 * 1024;

    [Function(ImportName)]
    public static async Task<IResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/prospects/import")] HttpRequest request,
        IProspectStore prospects,
        IWhatsAppOptIns optIns,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "prospects/import", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        if (await DealHttp.ReadBodyAsync(request, MaxBodyBytes, cancellation) is not { } body)
        {
            return DealHttp.Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", "An import is at most 1 MiB.", correlationId);
        }

        (IReadOnlyList<Prospect>? parsed, string? error) = ProspectImport.Parse(body, tenant);
        if (parsed is null)
        {
            return DealHttp.BadRequest(error!, correlationId);
        }

        await prospects.UpsertAsync(tenant, parsed, cancellation);
        foreach (Prospect p in parsed.Where(p => p.WhatsAppOptIn is not null))
        {
            WhatsAppOptIn o = p.WhatsAppOptIn!;
            await optIns.AddAsync(new WhatsAppOptInRecord(tenant, DealKeys.ContactId(tenant, MessageChannel.WhatsApp, p.Phone!), p.Phone!, o.Source, o.CapturedAt,
                o.WordingShown, o.EvidenceRef), cancellation);
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        await ledger.AppendAsync(new AuditEntry(AuditIds.From($"prospects-import:{tenant}:{correlationId}"), tenant, correlationId, "prospects_imported", "A",
            "operator", "prospects", now, Reason: $"{parsed.Count} prospects", Outcome: "stored"), cancellation);
        return Results.Ok(new { imported = parsed.Count, correlation_id = correlationId });
    }

    [Function(ListName)]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/prospects")] HttpRequest request,
        IProspectStore prospects,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "prospects/list", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        IReadOnlyList<Prospect> all = await prospects.ListAsync(access.Tenant!, cancellation);
        return Results.Ok(new
        {
            items = all.Select(p => new
            {
                prospect_id = p.ProspectId,
                company_name = p.CompanyName,
                sector = p.Sector,
                city = p.City,
                source = p.Source,
                whatsapp_opt_in = p.WhatsAppOptIn is not null,
                last_contacted_at = p.LastContactedAt,
            }),
            correlation_id = correlationId,
        });
    }
}
