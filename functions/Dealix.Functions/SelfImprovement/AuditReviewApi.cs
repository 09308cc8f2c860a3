using System.Globalization;
using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.SelfImprovement;

/// <summary>
/// The founder's review of the loops' auto-actions (§17.7):
/// <list type="bullet">
/// <item><c>GET /api/v1/audit/auto-actions?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c> (tenant-scoped; UTC days, both included,
/// default the last 7, at most 92): the auto-actions of the period with <c>reverted</c>, whether they can still be
/// reverted, and the revert route.</item>
/// <item><c>POST /api/v1/audit/entries/{auditId}/revert</c> with <c>{"reason"}</c> (1–500 characters): the founder's
/// check of the kill switch routes (the master key or an admin operator key naming the tenant; any other key 403 and a
/// ledger line). Only an applied loop change made automatically or after an approval can be reverted; the effect is
/// undone where the app can (a budget goes back to <c>from</c> only while it still is <c>to</c>; paused failing ads run
/// again), then one new ledger line <c>revert</c> with <c>reverts_audit_id</c>, the reviewer (<c>X-Operator-Id</c>, else
/// the key's id) and the correlation id is appended; the original line is never edited and readers show it
/// <c>reverted</c>. Unknown id (or another tenant's): 404; reverted already, not revertible, or the campaign moved on:
/// 409 and nothing changed. The undo passes <see cref="LoopGuard"/> as an approved action. A revert is a human's
/// decision, so it is allowed while the kill switch is on (§17.8 halts automated actions; approvals and human decisions
/// are still recorded).</item>
/// </list>
/// </summary>
public static class AuditReviewApi
{
    public const string AutoActionsName = "AuditAutoActionsList";
    public const string RevertName = "AuditEntryRevert";

    /// <summary>The longest period the list route answers, in days.</summary>
    public const int MaxDays = 92;

    [Function(AutoActionsName)]
    public static async Task<IResult> ListAutoActionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/audit/auto-actions")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clock);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "audit/auto-actions", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        DateOnly today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!TryDay(request, "to", today, out DateOnly to) || !TryDay(request, "from", to.AddDays(-6), out DateOnly from))
        {
            return DealHttp.BadRequest("from and to must be UTC dates yyyy-MM-dd (e.g. 2026-12-05).", correlationId);
        }

        if (from > to || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return DealHttp.BadRequest($"from must not be after to, and the period at most {MaxDays} days.", correlationId);
        }

        IReadOnlyList<AuditEntry> lines = await ledger.ListAsync(access.Tenant!, cancellationToken: cancellation);
        IReadOnlySet<string> reverted = AutoActions.RevertedIds(lines);
        var revertedBy = lines.Where(e => e.Action == AutoActions.Revert && e.RevertsAuditId is not null)
            .GroupBy(e => e.RevertsAuditId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var items = lines.Where(e => AutoActions.IsAutoAction(e) && DateOnly.FromDateTime(e.At) >= from && DateOnly.FromDateTime(e.At) <= to)
            .Select(e => new
            {
                audit_id = e.EntryId,
                timestamp = e.At,
                loop = AutoActions.Loop(e),
                action = e.Action,
                campaign_id = AutoActions.Loop(e) is not null ? e.Target : null,
                entity_id = e.Target,
                from = AutoActions.Amount(e.From),
                to = AutoActions.Amount(e.To),
                reason = e.Reason,
                auto_approved = e.AutoApproved,
                correlation_id = e.CorrelationId,
                reverted = reverted.Contains(e.EntryId),
                reverted_by = revertedBy.TryGetValue(e.EntryId, out AuditEntry? r) ? new { audit_id = r.EntryId, reviewer = r.Actor, at = r.At, reason = r.Reason } : null,
                revertible = AutoActions.WhyNot(e, reverted) is null,
                revert_route = AutoActions.WhyNot(e, reverted) is null ? AutoActions.RevertRoute(e.EntryId) : null,
            }).ToList();
        return Results.Ok(new
        {
            tenant = access.Tenant,
            from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            count = items.Count,
            reverted = items.Count(i => i.reverted),
            items,
            correlation_id = correlationId,
        });
    }

    [Function(RevertName)]
    public static async Task<IResult> RevertAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/audit/entries/{auditId}/revert")] HttpRequest request,
        string auditId, ICampaignStore campaigns, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(auditId);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clock);
        string correlationId = DealHttp.CorrelationId(request);
        const string Route = "audit/entries/revert";
        TenantAccess admin = await TenantGate.CheckAdminAsync(request, Route, correlationId, keys, ledger, clock, cancellation);
        if (admin.Refusal is not null)
        {
            return admin.Refusal;
        }

        TenantAccess access = await TenantGate.CheckAsync(request, Route, tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (auditId.Length is 0 or > 64 || !auditId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
        {
            return DealHttp.BadRequest("The audit id must be 1-64 characters of letters, digits, '-' or '_'.", correlationId);
        }

        (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
        if (invalid is not null)
        {
            return invalid;
        }

        string reason;
        using (JsonDocument body = parsed!)
        {
            if (!body.RootElement.TryGetProperty("reason", out JsonElement r) || r.ValueKind != JsonValueKind.String
                || r.GetString()!.Trim() is not { Length: > 0 and <= AutoActions.MaxReason } text)
            {
                return DealHttp.BadRequest($"reason is required: 1-{AutoActions.MaxReason} characters saying why the action is reverted.", correlationId);
            }

            reason = text;
        }

        string tenant = access.Tenant!;
        string reviewer = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 and <= 128 } op ? op : $"key:{admin.Scope!.KeyId}";
        IReadOnlyList<AuditEntry> lines = await ledger.ListAsync(tenant, cancellationToken: cancellation);
        if (lines.FirstOrDefault(e => e.EntryId == auditId) is not { } entry)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No audit entry {auditId} for this tenant.", correlationId);
        }

        if (AutoActions.WhyNot(entry, AutoActions.RevertedIds(lines)) is { } why)
        {
            return Conflict(why, why == "already_reverted"
                ? $"Audit entry {auditId} is reverted already; a revert happens once."
                : $"Audit entry {auditId} ({entry.Action}, {entry.Outcome ?? "no outcome"}) is not an applied loop change the app can undo; only auto-actions and approved loop actions can be reverted.",
                correlationId);
        }

        Verdict verdict = LoopGuard.Check(AutoActions.Undo(entry, correlationId, reviewer));
        if (!verdict.IsAllowed)
        {
            return Conflict(verdict.Code, verdict.Reason, correlationId);
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        Campaign? campaign = await campaigns.GetAsync(tenant, entry.Target, cancellation);
        if (campaign is null)
        {
            return Conflict("campaign_gone", $"Campaign {entry.Target} no longer exists; nothing changed.", correlationId);
        }

        string effect;
        if (entry.Action == MarketingRules.PauseFailingAds)
        {
            if (!campaign.AdsPaused || !await campaigns.ResumeAdsAsync(tenant, entry.Target, now, cancellation))
            {
                return Conflict("ads_not_paused", $"The ads of campaign {entry.Target} are not paused any more; nothing changed.", correlationId);
            }

            effect = "ads_resumed";
        }
        else
        {
            decimal from = AutoActions.Amount(entry.From)!.Value, to = AutoActions.Amount(entry.To)!.Value;
            if (campaign.Budget != to || !await campaigns.SetBudgetAsync(tenant, entry.Target, to, from, now, null, cancellation))
            {
                return Conflict("budget_changed", string.Create(CultureInfo.InvariantCulture,
                    $"The budget of campaign {entry.Target} is {campaign.Budget:0.##} SAR, not {to:0.##} as the action left it: it changed since, so it is not set back to {from:0.##}. Nothing changed."),
                    correlationId);
            }

            effect = "budget_restored";
        }

        var line = new AuditEntry(AuditIds.From($"revert:{tenant}:{auditId}"), tenant, correlationId, AutoActions.Revert, "B", reviewer, entry.Target, now,
            From: entry.To, To: entry.From, Reason: reason, Outcome: "applied", RevertsAuditId: auditId);
        await ledger.AppendAsync(line, cancellation);
        Campaign? after = await campaigns.GetAsync(tenant, entry.Target, cancellation);
        return Results.Ok(new
        {
            audit_id = line.EntryId,
            action = line.Action,
            reverts_audit_id = auditId,
            reverted_action = entry.Action,
            campaign_id = entry.Target,
            from = AutoActions.Amount(line.From),
            to = AutoActions.Amount(line.To),
            effect,
            budget = after?.Budget,
            ads_paused = after?.AdsPaused,
            human_reviewer = reviewer,
            reason,
            correlation_id = correlationId,
        });
    }

    private static IResult Conflict(string code, string detail, string correlationId) =>
        DealHttp.Problem(StatusCodes.Status409Conflict, "Conflict", $"{code}: {detail}", correlationId);

    private static bool TryDay(HttpRequest request, string name, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        if (!request.Query.ContainsKey(name))
        {
            return true;
        }

        return request.Query[name].Count == 1
            && DateOnly.TryParseExact(request.Query[name].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
