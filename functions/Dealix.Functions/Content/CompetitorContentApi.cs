using System.Globalization;
using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Ports;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Reports.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Content;

/// <summary>
/// Competitors' content (§17.3 input "competitors' content, RSS and web monitoring"): the monitor runs outside this app
/// and reports each item through <c>POST /api/v1/marketing/competitor-content</c>
/// (<c>{"competitor","url","title","published_at","topics":[…]}</c>; every field validated, 400 and nothing stored
/// otherwise), stored per tenant once per URL (201 when new, 200 when already recorded, unchanged).
/// <c>GET /api/v1/marketing/competitor-content?month=yyyyMM</c> lists a month's items (AST). Tenant-scoped (another
/// tenant's key: 403).
/// </summary>
public static class CompetitorContentApi
{
    public const string PostName = "CompetitorContentPost";
    public const string ListName = "CompetitorContentList";

    [Function(PostName)]
    public static async Task<IResult> PostAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/marketing/competitor-content")] HttpRequest request,
        ICompetitorContentStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "marketing/competitor-content", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
        if (invalid is not null)
        {
            return invalid;
        }

        using JsonDocument body = parsed!;
        JsonElement root = body.RootElement;
        DateTime now = clock.GetUtcNow().UtcDateTime;
        string? competitorError = Text(root, "competitor", 100, out string competitor), titleError = Text(root, "title", 300, out string title),
            urlError = Text(root, "url", 2000, out string url);
        string? error = competitorError ?? urlError ?? titleError;
        if (error is null && !(Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)))
        {
            error = "url must be an absolute http(s) URL.";
        }

        DateTime publishedAt = default;
        if (error is null && !(root.TryGetProperty("published_at", out JsonElement p) && p.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset at) && p.GetString()!.Contains('T', StringComparison.Ordinal)
            && (publishedAt = at.UtcDateTime) <= now.AddMinutes(5) && publishedAt.Year >= 2000))
        {
            error = "published_at must be an ISO 8601 date-time with offset (e.g. 2026-11-20T08:00:00Z), not in the future.";
        }

        string[] topics = [];
        if (error is null)
        {
            if (!root.TryGetProperty("topics", out JsonElement t) || t.ValueKind != JsonValueKind.Array || t.GetArrayLength() is 0 or > 10
                || t.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String || !ContentTopics.IsSlug(x.GetString())))
            {
                error = "topics must be 1-10 topic slugs (a-z, 0-9, '_'; ours: ai, marketing, saudi_smes, zatca).";
            }
            else
            {
                topics = [.. t.EnumerateArray().Select(x => x.GetString()!).Distinct(StringComparer.Ordinal)];
            }
        }

        if (error is not null)
        {
            return DealHttp.BadRequest(error, correlationId);
        }

        bool added = await store.AddIfAbsentAsync(new CompetitorItem(access.Tenant!, competitor, url, title, publishedAt, topics, now), cancellation);
        var result = new { url, added, correlation_id = correlationId };
        return added ? Results.Created((string?)null, result) : Results.Ok(result);
    }

    [Function(ListName)]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/marketing/competitor-content")] HttpRequest request,
        ICompetitorContentStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "marketing/competitor-content/list", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string month = request.Query.ContainsKey("month") ? request.Query["month"].ToString() : clock.GetUtcNow().UtcDateTime.AddHours(3).ToString("yyyyMM", CultureInfo.InvariantCulture);
        if (request.Query["month"].Count > 1 || ReportWindows.ParseMonth(month) is not { } first)
        {
            return DealHttp.BadRequest("month must be yyyyMM (e.g. 202611).", correlationId);
        }

        IReadOnlyList<CompetitorItem> items = await store.ListAsync(access.Tenant!, ReportWindows.StartOfDay(first), ReportWindows.StartOfDay(first.AddMonths(1)), cancellation);
        return Results.Ok(new
        {
            tenant = access.Tenant,
            month,
            items = items.Select(i => new { competitor = i.Competitor, url = i.Url, title = i.Title, published_at = i.PublishedAt, topics = i.Topics, received_at = i.ReceivedAt }),
            correlation_id = correlationId,
        });
    }

    private static string? Text(JsonElement root, string field, int max, out string value)
    {
        value = root.TryGetProperty(field, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : string.Empty;
        return value.Length is > 0 && value.Length <= max && !value.Any(char.IsControl) ? null : $"{field} must be 1-{max} characters without control characters.";
    }
}
