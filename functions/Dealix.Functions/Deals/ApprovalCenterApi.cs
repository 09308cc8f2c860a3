using System.Text.Json;
using Dealix.Functions.Infrastructure.Approvals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Deals;

/// <summary>
/// The approval center (operator key required): <c>GET /api/v1/approval-center/</c> lists a tenant's drafts (pending by
/// default; filters <c>status</c>, <c>channel</c>, <c>stage</c>, <c>contact_id</c>; paging with <c>page_size</c> and
/// <c>continuation</c>) with signed approve and reject callback URLs; <c>POST …/{approval_id}/approve</c> (optionally with
/// <c>edited_payload.text</c>: edit-then-approve) and <c>POST …/{approval_id}/reject</c> (with <c>reason_code</c>) record
/// the decision and raise it to the waiting workflow.
/// </summary>
public static class ApprovalCenterApi
{
    public const string ListName = "ApprovalCenterList";
    public const string ApproveName = "ApprovalCenterApprove";
    public const string RejectName = "ApprovalCenterReject";

    private static readonly string[] ReasonCodes = ["wrong_facts", "tone", "prohibited_claim", "wrong_recipient", "wrong_timing", "duplicate", "compliance", "other"];

    [Function(ListName)]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/approval-center")] HttpRequest request,
        IDraftStore drafts,
        CallbackTokens tokens,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "approval-center/list", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;

        IQueryCollection q = request.Query;
        if (!TryParse(q["status"], DraftStatus.PendingApproval, out DraftStatus status) || !TryParseOptional(q["channel"], out MessageChannel? channel)
            || !TryParseOptional(q["stage"], out DealStage? stage))
        {
            return DealHttp.BadRequest("status, channel or stage is not a known value.", correlationId);
        }

        int size = int.TryParse(q["page_size"], out int s) ? s : 50;
        if (size is < 1 or > 100)
        {
            return DealHttp.BadRequest("page_size must be 1–100.", correlationId);
        }

        string? operatorId = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 } op ? op : null;
        DraftPage page = await drafts.ListAsync(tenant, new DraftQuery(status, channel, stage, q["contact_id"].ToString() is { Length: > 0 } c ? c : null, size,
            q["continuation"].ToString() is { Length: > 0 } token ? token : null), cancellation);
        return Results.Ok(new
        {
            items = page.Items.Select(d => new
            {
                approval_id = d.DraftId,
                tenant_id = d.TenantId,
                correlation_id = d.CorrelationId,
                deal_id = d.DealInstanceId,
                action = d.Kind is DraftKind.ConnectorAction or DraftKind.LoopAction ? d.Category : "send_message",
                action_class = "B",
                channel = Wire(d.Channel),
                stage = Wire(d.Stage),
                proposed_stage = d.ProposedStage is { } p ? Wire(p) : null,
                category = d.Category,
                kind = Wire(d.Kind),
                status = Wire(d.Status),
                text = d.Text,
                created_at = d.CreatedAt,
                expires_at = d.ExpiresAt,
                reviewer = d.Reviewer,
                decided_at = d.DecidedAt,
                decision_reason = d.DecisionReason,
                approve_url = d.Status == DraftStatus.PendingApproval ? tokens.CallbackUrl(tenant, d.DraftId, operatorId ?? d.AssignedOperator ?? "operator", "approve") : null,
                reject_url = d.Status == DraftStatus.PendingApproval ? tokens.CallbackUrl(tenant, d.DraftId, operatorId ?? d.AssignedOperator ?? "operator", "reject") : null,
            }),
            continuation = page.ContinuationToken,
            correlation_id = correlationId,
        });
    }

    [Function(ApproveName)]
    public static Task<IResult> ApproveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/approval-center/{approvalId}/approve")] HttpRequest request,
        string approvalId,
        [DurableClient] DurableTaskClient client,
        DraftDecisions decisions,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation) =>
        DecideAsync(request, approvalId, DraftDecisionKind.Approved, client, decisions, new Gate(keys, ledger, clock), cancellation);

    [Function(RejectName)]
    public static Task<IResult> RejectAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/approval-center/{approvalId}/reject")] HttpRequest request,
        string approvalId,
        [DurableClient] DurableTaskClient client,
        DraftDecisions decisions,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation) =>
        DecideAsync(request, approvalId, DraftDecisionKind.Rejected, client, decisions, new Gate(keys, ledger, clock), cancellation);

    /// <summary>Maps a decision outcome to the HTTP answer (shared with the callback).</summary>
    public static IResult Answer(DecisionResult result, string approvalId, string correlationId) => result.Outcome switch
    {
        DecisionOutcome.Decided => Results.Ok(new { approval_id = approvalId, status = Wire(result.Draft!.Status), reviewer = result.Draft.Reviewer, correlation_id = correlationId }),
        DecisionOutcome.NotFound => DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No approval {approvalId} for this tenant.", correlationId),
        _ => DealHttp.Problem(StatusCodes.Status409Conflict, "not_pending", $"Approval {approvalId} is {Wire(result.Draft!.Status)}, not pending.", correlationId),
    };

    private static async Task<IResult> DecideAsync(HttpRequest request, string approvalId, DraftDecisionKind decision, DurableTaskClient client,
        DraftDecisions decisions, Gate gate, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, decision == DraftDecisionKind.Approved ? "approval-center/approve" : "approval-center/reject",
            tenantRequired: true, correlationId, gate.Keys, gate.Ledger, gate.Clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;

        string reviewer = request.Headers[DealHttp.OperatorHeader].ToString();
        string? reason = null;
        string? edited = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation, emptyIsEmptyObject: true);
                if (invalid is not null)
                {
                    return invalid;
                }

                using JsonDocument body = parsed!;
                JsonElement root = body.RootElement;
                reviewer = root.TryGetProperty("reviewer", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : reviewer;
                reason = root.TryGetProperty("reason_code", out JsonElement rc) && rc.ValueKind == JsonValueKind.String ? rc.GetString() : null;
                edited = root.TryGetProperty("edited_payload", out JsonElement ep) && ep.ValueKind == JsonValueKind.Object
                    && ep.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            }
            catch (JsonException)
            {
                return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
            }
        }

        if (string.IsNullOrWhiteSpace(reviewer))
        {
            return DealHttp.BadRequest("The reviewer is required (X-Operator-Id or \"reviewer\").", correlationId);
        }

        if (decision == DraftDecisionKind.Rejected && (reason is null || !ReasonCodes.Contains(reason)))
        {
            return DealHttp.BadRequest($"reason_code must be one of: {string.Join(", ", ReasonCodes)}.", correlationId);
        }

        if (decision == DraftDecisionKind.Approved && edited is { Length: 0 })
        {
            return DealHttp.BadRequest("edited_payload.text must not be empty.", correlationId);
        }

        DecisionResult result = await decisions.DecideAsync(client, tenant, approvalId, decision, reviewer, reason, edited, cancellation);
        return Answer(result, approvalId, correlationId);
    }

    private static bool TryParse<T>(Microsoft.Extensions.Primitives.StringValues value, T fallback, out T parsed)
    {
        parsed = fallback;
        if (value.Count == 0 || string.IsNullOrEmpty(value.ToString()))
        {
            return true;
        }

        try
        {
            parsed = JsonSerializer.Deserialize<T>($"\"{value}\"")!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryParseOptional<T>(Microsoft.Extensions.Primitives.StringValues value, out T? parsed)
        where T : struct
    {
        parsed = null;
        if (value.Count == 0 || string.IsNullOrEmpty(value.ToString()))
        {
            return true;
        }

        if (TryParse(value, default(T), out T v))
        {
            parsed = v;
            return true;
        }

        return false;
    }

    private sealed record Gate(OperatorKeys Keys, IAuditLedger Ledger, TimeProvider Clock);

    internal static string Wire<T>(T value) => JsonSerializer.Serialize(value).Trim('"');
}
