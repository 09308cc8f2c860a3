using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Reports.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Reports;

/// <summary>
/// <c>GET /api/v1/executive-room/weekly-pack?period=</c> (§16.3): the tenant's stored executive weekly pack
/// (<c>ExecWeeklyPack</c>) as JSON, the latest when no period is given, else the ISO week <c>yyyyWww</c> (400 for any
/// other form; 404 when none is stored). The same document as <c>GET /api/v1/reports/executive-weekly-pack</c>; built
/// by the Sunday timer or <c>POST /api/v1/reports/executive-weekly-pack/run</c>. Tenant-scoped through
/// <see cref="TenantGate"/> (another tenant's key: 403).
/// </summary>
public static class ExecutiveRoomApi
{
    public const string Name = "ExecutiveRoomWeeklyPack";

    [Function(Name)]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/executive-room/weekly-pack")] HttpRequest request,
        IReportStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "executive-room", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string? period = null;
        if (request.Query.ContainsKey("period"))
        {
            period = request.Query["period"].Count == 1 ? request.Query["period"].ToString() : null;
            if (ReportWindows.ParseWeek(period) is null)
            {
                return DealHttp.BadRequest("period must be an ISO week yyyyWww (e.g. 2026W49).", correlationId);
            }
        }

        StoredReport? pack = period is null
            ? await store.GetLatestAsync(access.Tenant!, ReportKinds.ExecutiveWeeklyPack, cancellation)
            : await store.GetAsync(access.Tenant!, ReportKinds.ExecutiveWeeklyPack, period, cancellation);
        return pack is null
            ? DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", period is null ? "No executive weekly pack yet." : $"No executive weekly pack for {period}.", correlationId)
            : Results.Content(pack.Json, "application/json; charset=utf-8");
    }
}
