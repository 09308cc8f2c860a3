using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.SelfImprovement;

/// <summary>
/// The loops' routes, tenant-scoped through <see cref="TenantGate"/> (another tenant's key: 403):
/// <c>GET /api/v1/marketing/campaigns</c> lists the tenant's campaigns; <c>PUT /api/v1/marketing/campaigns/{id}</c> records
/// a campaign's budget, target CPA and last-7-day figures (the ad platform's report; every field validated, 400 and
/// nothing stored otherwise); <c>POST /api/v1/loops/{loop}/run?period=yyyyMMdd</c> runs the <c>marketing</c>,
/// <c>product</c> or <c>operations</c> loop now (the product loop ends with the daily digest, the operations loop with the
/// morning digest), 202 with the instance id. The loops' changes
/// that need approval appear in the approval center (kind <c>loop_action</c>) and are decided through its routes.
/// </summary>
public static class LoopsApi
{
    public const string CampaignsListName = "LoopCampaignsList";
    public const string CampaignPutName = "LoopCampaignPut";
    public const string RunName = "LoopRunNow";
    public const string AuditName = "LoopAuditExportGet";

    private const decimal MaxAmount = 10_000_000m;

    [Function(CampaignsListName)]
    public static async Task<IResult> ListCampaignsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/marketing/campaigns")] HttpRequest request,
        ICampaignStore campaigns, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "marketing/campaigns", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        IReadOnlyList<Campaign> rows = await campaigns.ListAsync(access.Tenant!, cancellation);
        return Results.Ok(new { tenant = access.Tenant, campaigns = rows.OrderBy(c => c.CampaignId, StringComparer.Ordinal).Select(Wire), correlation_id = correlationId });
    }

    [Function(CampaignPutName)]
    public static async Task<IResult> PutCampaignAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/marketing/campaigns/{campaignId}")] HttpRequest request,
        string campaignId, ICampaignStore campaigns, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "marketing/campaigns/put", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!IsCampaignId(campaignId))
        {
            return DealHttp.BadRequest("The campaign id must be 1-30 characters of a-z, 0-9, '_' or '-'.", correlationId);
        }

        (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
        if (invalid is not null)
        {
            return invalid;
        }

        using JsonDocument body = parsed!;
        JsonElement root = body.RootElement;
        string? error = null;
        string name = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String && n.GetString()!.Trim() is { Length: > 0 and <= 100 } nm ? nm : Fail(ref error, "name must be 1-100 characters.");
        decimal budget = Amount(root, "budget", positive: true, ref error);
        decimal target = Amount(root, "target_cpa", positive: true, ref error);
        decimal cpa = Amount(root, "cpa_7d", positive: false, ref error);
        int conversions = root.TryGetProperty("conversions_7d", out JsonElement cv) && cv.ValueKind == JsonValueKind.Number && cv.TryGetInt32(out int c) && c >= 0 ? c : FailInt(ref error, "conversions_7d must be a whole number ≥ 0.");
        bool active = !root.TryGetProperty("active", out JsonElement a) || (a.ValueKind is JsonValueKind.True or JsonValueKind.False ? a.GetBoolean() : FailBool(ref error, "active must be true or false."));
        bool? adsPaused = !root.TryGetProperty("ads_paused", out JsonElement ap) ? null : ap.ValueKind is JsonValueKind.True or JsonValueKind.False ? ap.GetBoolean() : FailBool(ref error, "ads_paused must be true or false.");
        if (error is not null)
        {
            return DealHttp.BadRequest(error, correlationId);
        }

        Campaign? existing = await campaigns.GetAsync(access.Tenant!, campaignId, cancellation);
        var campaign = new Campaign(access.Tenant!, campaignId, name, budget, target, cpa, conversions, active, adsPaused ?? existing?.AdsPaused ?? false, clock.GetUtcNow().UtcDateTime,
            existing?.AutoChangedPeriod);
        await campaigns.UpsertAsync(campaign, cancellation);
        return Results.Ok(new { campaign = Wire(campaign), correlation_id = correlationId });
    }

    [Function(RunName)]
    public static async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/loops/{loop}/run")] HttpRequest request,
        string loop, [DurableClient] DurableTaskClient client, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "loops/run", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string? orchestrator = loop switch
        {
            "marketing" => MarketingLoopOrchestrator.Name,
            "product" => ProductLoopDailyDigestOrchestrator.Name,
            "audit" => AuditExportOrchestrator.Name,
            "operations" => Orchestrations.OperationsLoop.OperationsLoopOrchestrator.Name,
            _ => null,
        };
        if (orchestrator is null)
        {
            return DealHttp.BadRequest($"Unknown loop '{loop}'. Loops: marketing, product, audit, operations.", correlationId);
        }

        string period;
        if (request.Query.ContainsKey("period"))
        {
            if (request.Query["period"].Count != 1 || ReportWindows.ParseDay(request.Query["period"].ToString()) is null)
            {
                return DealHttp.BadRequest("period must be an AST day yyyyMMdd (e.g. 20261206).", correlationId);
            }

            period = request.Query["period"].ToString();
        }
        else
        {
            period = ReportWindows.CurrentPeriod(ReportKinds.Find(ReportKinds.DailyDigest)!, clock.GetUtcNow().UtcDateTime);
        }

        string instanceId = $"loop:{access.Tenant}:{loop}:{period}:{Guid.NewGuid():N}";
        await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, new OutreachRunInput(access.Tenant!, correlationId, $"request:{loop}:{period}"),
            new StartOrchestrationOptions(instanceId), cancellation);
        return Results.Accepted((string?)null, new { instance_id = instanceId, loop, period, correlation_id = correlationId });
    }

    [Function(AuditName)]
    public static async Task<IResult> GetAuditAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/audit/{day}")] HttpRequest request,
        string day, IAuditExportStore exports, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "audit", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly date))
        {
            return DealHttp.BadRequest("day must be a UTC date yyyy-MM-dd (e.g. 2026-12-05).", correlationId);
        }

        string format = request.Query["format"].ToString() is { Length: > 0 } f ? f : "jsonl";
        if (format is not ("jsonl" or "csv"))
        {
            return DealHttp.BadRequest("format must be jsonl or csv.", correlationId);
        }

        string? text = await exports.ReadAsync(access.Tenant!, date, format, cancellation);
        return text is null
            ? DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No audit export for {day} yet.", correlationId)
            : Results.Text(text, format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    }

    private static bool IsCampaignId(string id) => id.Length is > 0 and <= 30 && id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '_' or '-');

    private static decimal Amount(JsonElement root, string field, bool positive, ref string? error)
    {
        if (root.TryGetProperty(field, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out decimal d)
            && (positive ? d > 0 : d >= 0) && d <= MaxAmount && decimal.Round(d, 2) == d)
        {
            return d;
        }

        error ??= $"{field} must be a number {(positive ? "> 0" : "≥ 0")} and ≤ {MaxAmount} SAR with at most 2 decimals.";
        return 0;
    }

    private static string Fail(ref string? error, string message)
    {
        error ??= message;
        return string.Empty;
    }

    private static int FailInt(ref string? error, string message)
    {
        error ??= message;
        return 0;
    }

    private static bool FailBool(ref string? error, string message)
    {
        error ??= message;
        return false;
    }

    private static object Wire(Campaign c) => new
    {
        campaign_id = c.CampaignId,
        name = c.Name,
        budget = c.Budget,
        target_cpa = c.TargetCpa,
        cpa_7d = c.Cpa7d,
        conversions_7d = c.Conversions7d,
        active = c.Active,
        ads_paused = c.AdsPaused,
        updated_at = c.UpdatedAt,
    };
}
