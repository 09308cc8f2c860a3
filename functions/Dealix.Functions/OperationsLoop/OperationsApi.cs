using System.Globalization;
using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Dealix.Orchestrations.OperationsLoop.Ports;
using Dealix.Orchestrations.OperationsLoop.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.OperationsLoop;

/// <summary>
/// The operations loop's routes (§17.4 inputs), tenant-scoped through <see cref="TenantGate"/> (another tenant's key: 403):
/// <c>PUT /api/v1/operations/metrics/{metric}/{yyyy-MM-dd}</c> with <c>{"value": n, "source"?: "…"}</c> records one figure
/// of a day (an uptime monitor, a finance export or a tracker pushes here; a second push for the same day replaces the
/// first); an unknown metric, a value out of range or with too many decimals, a day in the future (AST) or any other
/// field is a 400 and nothing is stored. <c>GET /api/v1/operations/metrics?from&amp;to</c> lists the figures of a range
/// (default: the 35 days to today). <c>GET /api/v1/operations/post-mortems/{id}</c> returns an uptime post-mortem the
/// loop drafted (404 when none).
/// </summary>
public static class OperationsApi
{
    public const string MetricPutName = "OperationsMetricPut";
    public const string MetricsListName = "OperationsMetricsList";
    public const string PostMortemGetName = "OperationsPostMortemGet";

    /// <summary>The longest range one list returns.</summary>
    public const int MaxRangeDays = 400;

    [Function(MetricPutName)]
    public static async Task<IResult> PutMetricAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/operations/metrics/{metric}/{day}")] HttpRequest request,
        string metric, string day, IOperationsStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "operations/metrics/put", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        (DateOnly? date, string? dayProblem) = OperationsMetrics.ParseDay(day, now);
        if (OperationsMetrics.MetricProblem(metric) is { } metricProblem)
        {
            return DealHttp.BadRequest(metricProblem, correlationId);
        }

        if (dayProblem is not null)
        {
            return DealHttp.BadRequest(dayProblem, correlationId);
        }

        (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
        if (invalid is not null)
        {
            return invalid;
        }

        using JsonDocument body = parsed!;
        JsonElement root = body.RootElement;
        if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => name is not ("value" or "source")) is { } unknown)
        {
            return DealHttp.BadRequest($"Unknown field '{unknown}': the body is {{\"value\": number, \"source\"?: string}}.", correlationId);
        }

        if (!root.TryGetProperty("value", out JsonElement v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out decimal value))
        {
            return DealHttp.BadRequest("value is required and must be a number.", correlationId);
        }

        if (OperationsMetrics.ValueProblem(metric, value) is { } valueProblem)
        {
            return DealHttp.BadRequest(valueProblem, correlationId);
        }

        string? source = null;
        if (root.TryGetProperty("source", out JsonElement s))
        {
            source = s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (source is not { Length: > 0 and <= 40 } || !source.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            {
                return DealHttp.BadRequest("source must be 1-40 characters of a-z, 0-9, '_' or '-' (e.g. uptime_monitor).", correlationId);
            }
        }

        var point = new MetricPoint(metric, date!.Value, value, source, clock.GetUtcNow());
        await store.UpsertMetricAsync(access.Tenant!, point, cancellation);
        return Results.Ok(new { tenant = access.Tenant, metric = Wire(point), correlation_id = correlationId });
    }

    [Function(MetricsListName)]
    public static async Task<IResult> ListMetricsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/operations/metrics")] HttpRequest request,
        IOperationsStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "operations/metrics", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        DateOnly today = OperationsMetrics.Today(clock.GetUtcNow().UtcDateTime);
        DateOnly? to = Date(request, "to", today), from = Date(request, "from", (to ?? today).AddDays(-35));
        if (from is null || to is null)
        {
            return DealHttp.BadRequest("from and to must be dates yyyy-MM-dd (AST).", correlationId);
        }

        if (from > to || to.Value.DayNumber - from.Value.DayNumber > MaxRangeDays)
        {
            return DealHttp.BadRequest($"from must not be after to, and the range at most {MaxRangeDays} days.", correlationId);
        }

        IReadOnlyList<MetricPoint> points = await store.ListMetricsAsync(access.Tenant!, from.Value, to.Value, cancellation);
        return Results.Ok(new { tenant = access.Tenant, from = Iso(from.Value), to = Iso(to.Value), metrics = points.Select(Wire), correlation_id = correlationId });
    }

    [Function(PostMortemGetName)]
    public static async Task<IResult> GetPostMortemAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/operations/post-mortems/{id}")] HttpRequest request,
        string id, IOperationsStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "operations/post-mortems", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (id is not { Length: 15 } || !id.StartsWith("uptime-", StringComparison.Ordinal) || Orchestrations.Reports.Rules.ReportWindows.ParseDay(id[7..]) is null)
        {
            return DealHttp.BadRequest("The post-mortem id is uptime-yyyyMMdd (e.g. uptime-20261206).", correlationId);
        }

        PostMortemDraft? draft = await store.GetPostMortemAsync(access.Tenant!, id, cancellation);
        return draft is null
            ? DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No post-mortem {id}.", correlationId)
            : Results.Ok(new
            {
                tenant = draft.Tenant,
                post_mortem_id = draft.IncidentId,
                owner = draft.Owner,
                due_at = draft.DueAt,
                created_at = draft.CreatedAt,
                markdown = draft.Markdown,
                correlation_id = correlationId,
            });
    }

    private static DateOnly? Date(HttpRequest request, string name, DateOnly fallback)
    {
        if (!request.Query.ContainsKey(name))
        {
            return fallback;
        }

        return request.Query[name].Count == 1
            && DateOnly.TryParseExact(request.Query[name].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Wire(MetricPoint p) => new { metric = p.Metric, day = Iso(p.Day), value = p.Value, source = p.Source, updated_at = p.UpdatedAt };
}
