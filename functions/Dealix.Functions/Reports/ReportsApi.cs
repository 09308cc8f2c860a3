using Dealix.Functions.Deals;
using Dealix.Functions.Scheduling;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Reports.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Reports;

/// <summary>
/// The report routes, tenant-scoped through <see cref="TenantGate"/> (another tenant's key: 403):
/// <c>GET /api/v1/reports</c> lists the report kinds (schedule, period form) and the periods stored for the tenant;
/// <c>GET /api/v1/reports/{kind}?period=</c> returns the stored report as JSON (the latest when no period; 404 when
/// none is stored); <c>POST /api/v1/reports/{kind}/run?period=</c> builds it now (§16.3 "also on request"; the current
/// period when none is given), 202 with the URL to read it. An unknown kind or a period that is not the kind's form
/// (<c>yyyyMMdd</c> for daily reports, <c>yyyyWww</c> for weekly ones) is a 400, and nothing is started; so is a run of
/// a self-improvement loop's report (owner <c>loops</c> in the catalogue) while the kill switch is on (409).
/// </summary>
public static class ReportsApi
{
    public const string ListName = "ReportsList";
    public const string GetName = "ReportGet";
    public const string RunName = "ReportRunNow";

    [Function(ListName)]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/reports")] HttpRequest request,
        IReportStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "reports", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        IReadOnlyList<StoredReport> stored = await store.ListAsync(access.Tenant!, cancellation);
        return Results.Ok(new
        {
            tenant = access.Tenant,
            kinds = ReportKinds.All.Select(k => new
            {
                kind = k.Name,
                title = k.Title,
                title_ar = k.TitleAr,
                job = k.Job,
                schedule_ast = k.Job is null ? null : ScheduledJobCatalogue.Get(k.Job).Ast,
                period_format = k.Monthly ? "yyyyMM" : k.Weekly ? "yyyyWww" : "yyyyMMdd",
                owner_role = k.OwnerRole,
                periods = stored.Where(s => s.Kind == k.Name).Select(s => new { period = s.Period, generated_at = s.GeneratedAt, severity = s.Severity }),
            }),
            correlation_id = correlationId,
        });
    }

    [Function(GetName)]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/reports/{kind}")] HttpRequest request,
        string kind, IReportStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "reports/get", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (ReportKind? found, string? period, IResult? bad) = Validate(request, kind, correlationId);
        if (bad is not null)
        {
            return bad;
        }

        StoredReport? report = period is null
            ? await store.GetLatestAsync(access.Tenant!, found!.Name, cancellation)
            : await store.GetAsync(access.Tenant!, found!.Name, period, cancellation);
        return report is null
            ? DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", period is null ? $"No {found.Name} report yet." : $"No {found.Name} report for {period}.", correlationId)
            : Results.Content(report.Json, "application/json; charset=utf-8");
    }

    [Function(RunName)]
    public static async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/reports/{kind}/run")] HttpRequest request,
        string kind, [DurableClient] DurableTaskClient client, OperatorKeys keys, IAuditLedger ledger, IKillSwitch killSwitch, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(killSwitch);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "reports/run", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (ReportKind? found, string? period, IResult? bad) = Validate(request, kind, correlationId);
        if (bad is not null)
        {
            return bad;
        }

        if (found!.Job is { } job && ScheduledJobCatalogue.Get(job).Owner == "loops" && await killSwitch.IsPausedAsync(null, cancellation))
        {
            // A self-improvement loop's report (§17.8): while paused, a run on request stops like the timed one.
            return DealHttp.Problem(StatusCodes.Status409Conflict, "Paused", $"The loops are paused (kill switch); {found.Name} is not built.", correlationId);
        }

        period ??= ReportWindows.CurrentPeriod(found!, clock.GetUtcNow().UtcDateTime);
        string instanceId = $"report:{access.Tenant}:{found!.Name}:{period}:{Guid.NewGuid():N}";
        await client.ScheduleNewOrchestrationInstanceAsync(ReportRunOrchestrator.Name,
            new OutreachRunInput(access.Tenant!, correlationId, ReportTrigger.Request(found.Name, period)), new StartOrchestrationOptions(instanceId), cancellation);
        string url = $"/api/v1/reports/{Uri.EscapeDataString(found.Name)}?period={Uri.EscapeDataString(period)}";
        return Results.Accepted(url, new { instance_id = instanceId, kind = found.Name, period, report_url = url, correlation_id = correlationId });
    }

    private static (ReportKind? Kind, string? Period, IResult? Bad) Validate(HttpRequest request, string kind, string correlationId)
    {
        if (ReportKinds.Find(kind) is not { } found)
        {
            return (null, null, DealHttp.BadRequest($"Unknown report kind '{kind}'. Kinds: {string.Join(", ", ReportKinds.All.Select(k => k.Name))}.", correlationId));
        }

        if (!request.Query.ContainsKey("period"))
        {
            return (found, null, null); // the latest (GET) or the current period (run)
        }

        string? period = request.Query["period"].Count == 1 ? request.Query["period"].ToString() : null;

        return ReportWindows.For(found, period) is null
            ? (null, null, DealHttp.BadRequest($"period must be {(found.Monthly ? "a month yyyyMM (e.g. 202612)" : found.Weekly ? "an ISO week yyyyWww (e.g. 2026W49)" : "an AST day yyyyMMdd (e.g. 20261206)")} for {found.Name}.", correlationId))
            : (found, period, null);
    }
}
