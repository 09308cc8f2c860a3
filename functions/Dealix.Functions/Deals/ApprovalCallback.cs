using System.Net;
using Dealix.Functions.Infrastructure.Approvals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Deals;

/// <summary>
/// The signed approval links sent to operators: <c>/api/v1/approval-center/{approval_id}/callback?tenant=…&amp;token=…</c>.
/// <c>GET</c> shows a confirmation page and changes nothing (mail scanners open links); <c>POST</c> redeems the token —
/// signed, unexpired, single-use, bound to this draft, this tenant and one operator — and records that operator's
/// decision. A reused, expired, tampered or other-tenant token gets 403 and the attempt goes on the audit ledger.
/// </summary>
public static class ApprovalCallback
{
    public const string ShowName = "ApprovalCallbackShow";
    public const string RedeemName = "ApprovalCallback";

    [Function(ShowName)]
    public static Task<IResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/approval-center/{approvalId}/callback")] HttpRequest request,
        string approvalId,
        CallbackTokens tokens)
    {
        string correlationId = DealHttp.CorrelationId(request);
        CallbackTokenCheck check = tokens.Read(request.Query["token"].ToString());
        if (!check.IsValid || check.Claims!.DraftId != approvalId)
        {
            return Task.FromResult(DealHttp.Forbidden("This approval link is not valid.", correlationId));
        }

        string action = WebUtility.HtmlEncode(check.Claims.Action);
        string page = $"""
            <!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>Dealix</title>
            <form method="post"><p>تأكيد القرار / Confirm: <b>{action}</b> ({WebUtility.HtmlEncode(approvalId)})</p>
            <button type="submit">{(check.Claims.Action == "approve" ? "اعتماد / Approve" : "رفض / Reject")}</button></form></html>
            """;
        return Task.FromResult(Results.Content(page, "text/html; charset=utf-8"));
    }

    [Function(RedeemName)]
    public static async Task<IResult> RedeemAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/approval-center/{approvalId}/callback")] HttpRequest request,
        string approvalId,
        [DurableClient] DurableTaskClient client,
        CallbackTokens tokens,
        DraftDecisions decisions,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        if (DealHttp.Tenant(request) is not { } tenant || !DealKeys.IsValidKey(approvalId))
        {
            return DealHttp.BadRequest("The link has no valid tenant or approval id.", correlationId);
        }

        CallbackTokenCheck check = await tokens.RedeemAsync(request.Query["token"].ToString(), tenant, approvalId, cancellation);
        if (!check.IsValid)
        {
            // WARNING: never log or store the token itself.
            await ledger.AppendAsync(new AuditEntry(
                Guid.NewGuid().ToString("N"), tenant, correlationId, "callback_refused", "B", check.Claims?.OperatorId ?? "unknown", approvalId,
                clock.GetUtcNow().UtcDateTime, ApprovalId: approvalId, Reason: Snake(check.Verdict), Outcome: "refused"), cancellation);
            return DealHttp.Forbidden($"The approval link was refused: {Snake(check.Verdict)}.", correlationId);
        }

        CallbackClaims claims = check.Claims!;
        DraftDecisionKind decision = claims.Action == "approve" ? DraftDecisionKind.Approved : DraftDecisionKind.Rejected;
        DecisionResult result = await decisions.DecideAsync(client, tenant, approvalId, decision, claims.OperatorId,
            decision == DraftDecisionKind.Rejected ? "other" : "callback", editedText: null, cancellation);
        return ApprovalCenterApi.Answer(result, approvalId, correlationId);
    }

    private static string Snake(CallbackTokenVerdict verdict) => verdict switch
    {
        CallbackTokenVerdict.Malformed => "malformed",
        CallbackTokenVerdict.BadSignature => "bad_signature",
        CallbackTokenVerdict.Expired => "expired",
        CallbackTokenVerdict.WrongTenant => "wrong_tenant",
        CallbackTokenVerdict.WrongDraft => "wrong_draft",
        CallbackTokenVerdict.AlreadyUsed => "already_used",
        _ => "valid",
    };
}
