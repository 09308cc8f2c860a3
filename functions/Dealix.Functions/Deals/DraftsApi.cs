using System.Text.Json;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Deals;

/// <summary>
/// Sending approved drafts (operator key required, §10.6): <c>POST /api/v1/drafts/{id}/send</c> queues one approved draft
/// (409 <c>not_approved</c> otherwise); <c>POST /api/v1/drafts/send-approved-batch</c> starts a send-approved-batch run of
/// up to <c>limit</c> approved drafts (default 50, at most 100) on any channel (202 with the run's status URL, whose
/// result is <c>{sent, simulated, failed, manual_required, skipped}</c>), paced per channel within the §10.6 rate limits
/// and send windows. The outbox sender sends each at most once, honouring the kill switch and the live-send flags.
/// </summary>
public static class DraftsApi
{
    public const string SendName = "DraftSend";
    public const string BatchName = "DraftSendApprovedBatch";

    [Function(SendName)]
    public static async Task<IResult> SendAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/drafts/{draftId}/send")] HttpRequest request,
        string draftId,
        IDraftStore drafts,
        IOutbox outbox,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "drafts/send", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;

        ReplyDraft? draft = await drafts.GetAsync(tenant, draftId, cancellation);
        if (draft is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No draft {draftId} for this tenant.", correlationId);
        }

        if (draft.Status != DraftStatus.Approved)
        {
            return DealHttp.Problem(StatusCodes.Status409Conflict, "not_approved", $"Draft {draftId} is {ApprovalCenterApi.Wire(draft.Status)}.", correlationId);
        }

        await outbox.EnqueueAsync(new OutboundMessage(tenant, draftId, draft.DealInstanceId, draft.Channel, draft.CorrelationId, draft.AutoApproved), null, cancellation);
        return Results.Accepted(value: new { draft_id = draftId, status = "queued", correlation_id = draft.CorrelationId });
    }

    [Function(BatchName)]
    public static async Task<IResult> SendBatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/drafts/send-approved-batch")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "drafts/send-approved-batch", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;

        int limit = 50;
        if (request.ContentLength is > 0)
        {
            try
            {
                (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation, emptyIsEmptyObject: true);
                if (invalid is not null)
                {
                    return invalid;
                }

                using JsonDocument body = parsed!;
                if (body.RootElement.TryGetProperty("limit", out JsonElement l) && !l.TryGetInt32(out limit))
                {
                    return DealHttp.BadRequest("limit must be an integer.", correlationId);
                }
            }
            catch (JsonException)
            {
                return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
            }
        }

        if (limit is < 1 or > 100)
        {
            return DealHttp.BadRequest("limit must be 1–100 (bulk sends above 100 need an approval).", correlationId);
        }

        // Fanned out per channel and paced within the §10.6 rate limits and send windows (Outreach/SendApprovedBatchOrchestrator).
        return await Outreach.OutreachRunsApi.StartAsync(client, SendApprovedBatchOrchestrator.Name, "send-batch", tenant, correlationId, limit, cancellation);
    }
}
