using Dealix.Functions.Deals;
using Dealix.Functions.Infrastructure.OperatorConsole;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.OperatorConsole;

/// <summary>
/// <c>GET /api/v1/console/deal-timeline?deal_id=</c> (tenant-scoped): one deal's history for the console — the
/// contact's messages and what was sent, every draft with its decision, the stage moves and the other ledger lines of
/// the deal, and its evidence pack once closed — newest first. A deal id outside the caller's tenant is a 404.
/// </summary>
public static class ConsoleTimelineApi
{
    public const string Name = "ConsoleDealTimeline";

    [Function(Name)]
    public static async Task<IResult> TimelineAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/console/deal-timeline")] HttpRequest request,
        IDraftStore drafts,
        IDealThread thread,
        IEvidencePackStore evidence,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(ledger);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "console/deal-timeline", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        string dealId = request.Query["deal_id"].ToString();
        if (dealId.Length is 0 or > 400)
        {
            return DealHttp.BadRequest("deal_id is required (a deal id as listed by /api/v1/console/deals).", correlationId);
        }

        // Deal ids are deal:{tenant}:{contact}: another tenant's deal is not this tenant's to see.
        if (!dealId.StartsWith($"deal:{tenant}:", StringComparison.Ordinal))
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", "No such deal for this tenant.", correlationId);
        }

        IReadOnlyList<ReplyDraft> dealDrafts = await drafts.ListForDealAsync(tenant, dealId, cancellation);
        IReadOnlyList<ThreadMessage> inbound = await thread.ListInboundAsync(tenant, dealId, 200, cancellation);
        var draftIds = dealDrafts.Select(d => d.DraftId).ToHashSet(StringComparer.Ordinal);
        IEnumerable<AuditEntry> lines = (await ledger.ListAsync(tenant, null, cancellation))
            .Where(e => e.Target == dealId || (e.ApprovalId is { } a && draftIds.Contains(a)) || draftIds.Contains(e.Target));
        EvidencePack? pack = await evidence.GetAsync(tenant, dealId, cancellation);

        var events = new List<(DateTime At, object Item)>();
        events.AddRange(inbound.Select(m => (m.At, (object)new { at = m.At, type = "message_in", message_id = m.MessageId, text = m.Text, channel = ApprovalCenterApi.Wire(m.Channel) })));
        foreach (ReplyDraft d in dealDrafts)
        {
            events.Add((d.CreatedAt, new
            {
                at = d.CreatedAt,
                type = "draft",
                approval_id = d.DraftId,
                status = ApprovalCenterApi.Wire(d.Status),
                category = d.Category,
                text = d.Text,
                reviewer = d.Reviewer,
                decided_at = d.DecidedAt,
                decision_reason = d.DecisionReason,
            }));
            if (d.Status == DraftStatus.Sent)
            {
                events.Add((d.DecidedAt ?? d.CreatedAt, new { at = d.DecidedAt ?? d.CreatedAt, type = "message_out", approval_id = d.DraftId, text = d.Text, channel = ApprovalCenterApi.Wire(d.Channel) }));
            }
        }

        events.AddRange(lines.Select(e => (e.At, (object)new
        {
            at = e.At,
            type = e.Action == "stage_transition" ? "stage" : "ledger",
            action = e.Action,
            actor = e.Actor,
            from = e.From,
            to = e.To,
            reason = e.Reason,
            outcome = e.Outcome,
            correlation_id = e.CorrelationId,
        })));
        return Results.Ok(new
        {
            deal_id = dealId,
            evidence_pack = pack,
            items = events.OrderByDescending(e => e.At).Select(e => e.Item),
            correlation_id = correlationId,
        });
    }
}
