using System.Text.Json;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Deals;

/// <summary>
/// Stateless automation helpers (operator key required): <c>POST /api/v1/automation/reply/classify</c>
/// (<c>{"text": …}</c> → category, confidence, <c>auto_reply_allowed</c>, suggested response) and
/// <c>POST /api/v1/automation/compliance/check</c> (<c>{"channel", "address", "tenant"?}</c> → <c>allowed</c> / <c>warn</c> /
/// <c>blocked</c> with reasons, checking the tenant's suppression list when a tenant is given). They change nothing.
/// </summary>
public static class AutomationApi
{
    public const string ClassifyName = "ReplyClassify";
    public const string ComplianceName = "ComplianceCheck";

    [Function(ClassifyName)]
    public static async Task<IResult> ClassifyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/automation/reply/classify")] HttpRequest request,
        IReplyClassifier classifier,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "automation/reply/classify", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string? text;
        try
        {
            (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
            if (invalid is not null)
            {
                return invalid;
            }

            using JsonDocument body = parsed!;
            text = body.RootElement.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
        }

        if (text is null)
        {
            return DealHttp.BadRequest("'text' is required.", correlationId);
        }

        MessageClassification result = await classifier.ClassifyAsync(text, cancellation);
        return Results.Ok(new
        {
            category = result.Category,
            confidence = result.Confidence,
            auto_reply_allowed = result.AutoReplyAllowed,
            suggested_response = result.SuggestedResponse,
            matched_keywords = result.MatchedKeywords,
            language = result.Language,
            correlation_id = correlationId,
        });
    }

    [Function(ComplianceName)]
    public static async Task<IResult> ComplianceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/automation/compliance/check")] HttpRequest request,
        ISuppressionList suppression,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "automation/compliance/check", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        try
        {
            (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
            if (invalid is not null)
            {
                return invalid;
            }

            using JsonDocument body = parsed!;
            JsonElement root = body.RootElement;
            string? channelName = root.TryGetProperty("channel", out JsonElement c) ? c.GetString() : null;
            string? address = root.TryGetProperty("address", out JsonElement a) ? a.GetString() : null;
            string? tenant = access.Tenant;
            if (root.TryGetProperty("tenant", out JsonElement tn) && tn.GetString() is { } bodyTenant && bodyTenant != tenant)
            {
                if (!DealKeys.IsValidKey(bodyTenant, DealKeys.MaxTenantIdLength))
                {
                    return DealHttp.BadRequest("'tenant' is not a valid tenant id.", correlationId);
                }

                TenantAccess named = await TenantGate.CheckAsync(access.Scope!, bodyTenant, "automation/compliance/check", tenantRequired: false, correlationId, ledger, clock,
                    cancellation);
                if (named.Refusal is not null)
                {
                    return named.Refusal;
                }

                tenant = named.Tenant;
            }

            MessageChannel? channel = Enum.GetValues<MessageChannel>().Cast<MessageChannel?>().FirstOrDefault(m => ApprovalCenterApi.Wire(m!.Value) == channelName);
            if (channel is null || string.IsNullOrWhiteSpace(address))
            {
                return DealHttp.BadRequest("'channel' (whatsapp, email, sms, linkedin) and 'address' are required.", correlationId);
            }

            string? suppressed = tenant is not null && DealKeys.IsValidKey(tenant, DealKeys.MaxTenantIdLength)
                ? (await suppression.FindAsync(tenant, channel.Value, address, cancellation))?.Reason
                : null;
            (string outcome, IReadOnlyList<string> reasons) = ComplianceCheck.Check(channel.Value, address, suppressed);
            return Results.Ok(new { outcome, reasons, correlation_id = correlationId });
        }
        catch (JsonException)
        {
            return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
        }
        catch (InvalidOperationException)
        {
            return DealHttp.BadRequest("'channel' and 'address' must be strings.", correlationId);
        }
    }
}
