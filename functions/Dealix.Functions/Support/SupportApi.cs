using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Support;

/// <summary>
/// The §11.4 support routes besides <c>classify</c> (operator key, tenant-scoped, nothing stored):
/// <c>GET support/priorities</c> (the four tiers with owners and SLA), <c>POST support/route</c> (<c>{subject, body}</c> →
/// classification, owners, SLA targets and due times from now, the first-response template, the P0 auto-actions) and
/// <c>POST support/first-response</c> (<c>{priority}</c> → the Arabic template).
/// </summary>
public static class SupportApi
{
    public const string PrioritiesName = "SupportPriorities";
    public const string RouteName = "SupportRoute";
    public const string FirstResponseName = "SupportFirstResponse";

    [Function(PrioritiesName)]
    public static async Task<IResult> PrioritiesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/support/priorities")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/support/priorities", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        return Results.Ok(new
        {
            tenant_id = access.Tenant,
            priorities = SupportPriorities.All.Select(SupportHttp.Wire),
            clock = "calendar time, 24/7",
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    [Function(RouteName)]
    public static async Task<IResult> RouteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/support/route")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/support/route", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement root, IResult? error) = await SupportHttp.ReadObjectAsync(request, correlationId, ["subject", "body"], cancellation);
        if (error is not null)
        {
            return error;
        }

        string? subject = SupportHttp.OptionalString(root, "subject", 1000, out string? e1);
        string? body = SupportHttp.OptionalString(root, "body", 20000, out string? e2);
        if ((e1 ?? e2) is { } bad)
        {
            return DealHttp.BadRequest(bad, correlationId);
        }

        TicketClassification classification = TicketClassifier.Default.Classify(subject, body);
        if (TicketRouter.Route(classification, clock.GetUtcNow().UtcDateTime) is not { } route)
        {
            return DealHttp.BadRequest("A ticket needs a subject or a body (empty_input).", correlationId);
        }

        return Results.Ok(new
        {
            tenant_id = access.Tenant,
            priority = classification.Priority.ToString(),
            matched_keywords = classification.MatchedKeywords,
            reason = classification.Reason,
            owners = route.Tier.Owners,
            sla = new
            {
                first_response_minutes = route.Tier.FirstResponseTarget.TotalMinutes,
                resolution_minutes = route.Tier.ResolutionTarget.TotalMinutes,
                first_response_due_at = route.FirstResponseDueAt,
                resolution_due_at = route.ResolutionDueAt,
            },
            first_response = route.Tier.FirstResponseTemplate,
            auto_actions = route.AutoActions,
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    [Function(FirstResponseName)]
    public static async Task<IResult> FirstResponseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/support/first-response")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/support/first-response", tenantRequired: true, correlationId, keys, ledger, clock,
            cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement root, IResult? error) = await SupportHttp.ReadObjectAsync(request, correlationId, ["priority"], cancellation);
        if (error is not null)
        {
            return error;
        }

        string? raw = SupportHttp.OptionalString(root, "priority", 2, out string? e1);
        TicketPriority? priority = e1 is null ? SupportHttp.Priority(raw, out e1) : null;
        if (e1 is not null || priority is null)
        {
            return DealHttp.BadRequest(e1 ?? "'priority' is required.", correlationId);
        }

        PriorityTier tier = SupportPriorities.For(priority.Value);
        return Results.Ok(new
        {
            tenant_id = access.Tenant,
            priority = tier.Priority.ToString(),
            language = "ar",
            first_response = tier.FirstResponseTemplate,
            first_response_minutes = tier.FirstResponseTarget.TotalMinutes,
            approval_due_minutes = tier.FirstResponseTarget.TotalMinutes / 2,
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }
}
