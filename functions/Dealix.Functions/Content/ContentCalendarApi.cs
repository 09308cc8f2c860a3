using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Content;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Ports;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Content;

/// <summary>
/// The content calendar's routes (§17.3 weekly content; §17.5 "schedule social posts, as drafts for review"), tenant-scoped
/// through <see cref="TenantGate"/> (another tenant's key: 403):
/// <c>GET /api/v1/marketing/content-calendar?week=yyyyWww</c> lists a week's entries (default: the current AST week);
/// <c>POST …/content-calendar/run?week=</c> suggests the week's posts now (202; a re-run adds nothing; the kill switch
/// is respected); <c>POST …/content-calendar/{id}/approve</c> (<c>scheduled</c>) and <c>…/reject</c> decide a draft;
/// <c>PUT …/content-calendar/{id}</c> edits its text (the content gate runs again: a failing text is refused with its
/// codes, 422, and nothing changes) or marks it top. An approved entry is <c>scheduled</c> for the team to post: the
/// app publishes nothing (there is no social provider). Every review is a ledger line.
/// </summary>
public static class ContentCalendarApi
{
    public const string ListName = "ContentCalendarList";
    public const string RunName = "ContentCalendarRun";
    public const string ApproveName = "ContentCalendarApprove";
    public const string RejectName = "ContentCalendarReject";
    public const string EditName = "ContentCalendarEdit";

    [Function(ListName)]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/marketing/content-calendar")] HttpRequest request,
        IContentCalendarStore calendar, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "marketing/content-calendar", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (Week(request, clock) is not { } week)
        {
            return WeekError(correlationId);
        }

        IReadOnlyList<ContentEntry> entries = await calendar.ListAsync(access.Tenant!, week, week, cancellation);
        return Results.Ok(new { tenant = access.Tenant, week, published = false, entries = entries.Select(Wire), correlation_id = correlationId });
    }

    [Function(RunName)]
    public static async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/marketing/content-calendar/run")] HttpRequest request,
        [DurableClient] DurableTaskClient client, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "marketing/content-calendar/run", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (Week(request, clock) is not { } week)
        {
            return WeekError(correlationId);
        }

        string instanceId = $"content:{access.Tenant}:{week}:{Guid.NewGuid():N}";
        await client.ScheduleNewOrchestrationInstanceAsync(WeeklyContentSuggestionsOrchestrator.Name,
            new OutreachRunInput(access.Tenant!, correlationId, $"request:content:{week}"), new StartOrchestrationOptions(instanceId), cancellation);
        string url = $"/api/v1/marketing/content-calendar?week={week}";
        return Results.Accepted(url, new { instance_id = instanceId, week, calendar_url = url, correlation_id = correlationId });
    }

    [Function(ApproveName)]
    public static Task<IResult> ApproveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/marketing/content-calendar/{entryId}/approve")] HttpRequest request,
        string entryId, IContentCalendarStore calendar, ICompetitorContentStore competitors, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock,
        CancellationToken cancellation) =>
        ReviewAsync(request, entryId, "approve", calendar, competitors, keys, ledger, clock, cancellation);

    [Function(RejectName)]
    public static Task<IResult> RejectAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/marketing/content-calendar/{entryId}/reject")] HttpRequest request,
        string entryId, IContentCalendarStore calendar, ICompetitorContentStore competitors, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock,
        CancellationToken cancellation) =>
        ReviewAsync(request, entryId, "reject", calendar, competitors, keys, ledger, clock, cancellation);

    [Function(EditName)]
    public static Task<IResult> EditAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/marketing/content-calendar/{entryId}")] HttpRequest request,
        string entryId, IContentCalendarStore calendar, ICompetitorContentStore competitors, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock,
        CancellationToken cancellation) =>
        ReviewAsync(request, entryId, "edit", calendar, competitors, keys, ledger, clock, cancellation);

    private static async Task<IResult> ReviewAsync(HttpRequest request, string entryId, string action, IContentCalendarStore calendar, ICompetitorContentStore competitors,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, $"marketing/content-calendar/{action}", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!IsEntryId(entryId))
        {
            return DealHttp.BadRequest("The entry id must be yyyyWww-N (e.g. 2026W49-3, N 1-5).", correlationId);
        }

        (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
        if (invalid is not null)
        {
            return invalid;
        }

        using JsonDocument body = parsed!;
        JsonElement root = body.RootElement;
        if (!root.TryGetProperty("reviewer", out JsonElement r) || r.ValueKind != JsonValueKind.String || r.GetString()!.Trim() is not { Length: > 0 and <= 64 } reviewer)
        {
            return DealHttp.BadRequest("reviewer must be 1-64 characters.", correlationId);
        }

        string? note = null, text = null;
        bool? top = null;
        if (action == "reject" && root.TryGetProperty("reason", out JsonElement rs))
        {
            if (rs.ValueKind != JsonValueKind.String || rs.GetString()!.Trim() is not { Length: > 0 and <= 200 } reason)
            {
                return DealHttp.BadRequest("reason must be 1-200 characters.", correlationId);
            }

            note = reason;
        }

        if (action == "edit")
        {
            if (root.TryGetProperty("text", out JsonElement t))
            {
                if (t.ValueKind != JsonValueKind.String || t.GetString()!.Trim() is not { Length: > 0 } edited)
                {
                    return DealHttp.BadRequest("text must be a non-empty string.", correlationId);
                }

                text = edited;
            }

            if (root.TryGetProperty("top", out JsonElement tp))
            {
                if (tp.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return DealHttp.BadRequest("top must be true or false.", correlationId);
                }

                top = tp.GetBoolean();
            }

            if (text is null && top is null)
            {
                return DealHttp.BadRequest("Give text (the edited post) and/or top (true or false).", correlationId);
            }
        }

        ContentEntry? entry = await calendar.GetAsync(access.Tenant!, entryId, cancellation);
        if (entry is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No content-calendar entry {entryId}.", correlationId);
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        ContentEntry next;
        switch (action)
        {
            case "approve" or "reject" when entry.Status != ContentStatus.Draft:
                return DealHttp.Problem(StatusCodes.Status409Conflict, "Conflict", $"Entry {entryId} is {entry.Status}; only a draft can be approved or rejected.", correlationId);
            case "approve":
                next = entry with { Status = ContentStatus.Scheduled, ReviewedBy = reviewer, UpdatedAt = now };
                break;
            case "reject":
                next = entry with { Status = ContentStatus.Rejected, ReviewedBy = reviewer, Note = note, UpdatedAt = now };
                break;
            default:
                if (text is not null && entry.Status == ContentStatus.Rejected)
                {
                    return DealHttp.Problem(StatusCodes.Status409Conflict, "Conflict", $"Entry {entryId} is rejected; its text cannot be edited.", correlationId);
                }

                next = entry with { Top = top ?? entry.Top, ReviewedBy = reviewer, UpdatedAt = now };
                if (text is not null && text != entry.Text)
                {
                    DateOnly monday = ContentWeeks.Monday(entry.Week)!.Value;
                    DateTime start = ReportWindows.StartOfDay(monday);
                    IReadOnlyList<CompetitorItem> theirs = await competitors.ListAsync(access.Tenant!, start.AddDays(-56), start.AddDays(7), cancellation);
                    GateResult gate = ContentPostGate.Check(text, theirs.Select(c => c.Title));
                    if (!gate.Passed)
                    {
                        return Results.Json(new
                        {
                            title = "Content gate",
                            status = 422,
                            detail = "The edited text fails the content gate (§3.7); nothing changed.",
                            hard_fails = gate.HardFails,
                            warnings = gate.Warnings,
                            correlation_id = correlationId
                        }, statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
                    }

                    // An edited post is reviewed again: a scheduled one goes back to draft.
                    next = next with { Text = text, TemplateId = "edited", Status = ContentStatus.Draft, Warnings = gate.Warnings };
                }

                break;
        }

        if (!await calendar.ReplaceAsync(entry, next, cancellation))
        {
            return DealHttp.Problem(StatusCodes.Status409Conflict, "Conflict", $"Entry {entryId} changed meanwhile; read it again.", correlationId);
        }

        string ledgerAction = action switch { "approve" => "content_approved", "reject" => "content_rejected", _ => "content_edited" };
        await ledger.AppendAsync(new AuditEntry(AuditIds.From($"{correlationId}:{access.Tenant}:{entryId}:{ledgerAction}", now.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            access.Tenant!, correlationId, ledgerAction, "A", reviewer, $"content:{entryId}", now, From: entry.Status, To: next.Status,
            Reason: action == "reject" ? note : action == "edit" ? $"text {(text is not null && text != entry.Text ? "edited" : "unchanged")}; top {next.Top}" : "scheduled for posting by the team; not published",
            Outcome: next.Status), cancellation);
        return Results.Ok(new { entry = Wire(next), correlation_id = correlationId });
    }

    private static string? Week(HttpRequest request, TimeProvider clock)
    {
        if (!request.Query.ContainsKey("week"))
        {
            return ContentWeeks.Key(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(3)));
        }

        string? week = request.Query["week"].Count == 1 ? request.Query["week"].ToString() : null;
        return ReportWindows.ParseWeek(week) is null ? null : week;
    }

    private static IResult WeekError(string correlationId) => DealHttp.BadRequest("week must be an ISO week yyyyWww (e.g. 2026W49).", correlationId);

    private static bool IsEntryId(string id) =>
        id is { Length: 9 } && id[7] == '-' && id[8] is >= '1' and <= '5' && ReportWindows.ParseWeek(id[..7]) is not null;

    /// <summary>The wire form of an entry.</summary>
    public static object Wire(ContentEntry e) => new
    {
        entry_id = e.EntryId,
        week = e.Week,
        slot = e.Slot,
        topic = e.Topic,
        template_id = e.TemplateId,
        text = e.Text,
        status = e.Status,
        published = false,
        inspiration = e.Inspiration,
        top = e.Top,
        warnings = e.Warnings ?? [],
        reviewed_by = e.ReviewedBy,
        note = e.Note,
        created_at = e.CreatedAt,
        updated_at = e.UpdatedAt,
    };
}
