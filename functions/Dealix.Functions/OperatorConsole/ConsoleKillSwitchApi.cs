using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.OperatorConsole;

/// <summary>
/// The kill switch per tenant (§17.8: "an incident freeze uses the same mechanism, scoped per tenant"):
/// <c>POST /api/v1/admin/kill-switch/tenant/pause</c> and <c>/resume</c> (the tenant by <c>X-Tenant-Id</c> or
/// <c>?tenant=</c>; admin keys only, since only the founder may pause or resume) hold or release the tenant's freeze
/// under the hold <see cref="Hold"/>, next to any incident's hold: resuming releases this hold only, an incident keeps
/// its own. <c>GET /api/v1/console/kill-switch</c> (tenant-scoped: a tenant key reads its own tenant) answers the
/// tenant's state, the holds and the kill-switch lines of its ledger and of the global one.
/// </summary>
public static class ConsoleKillSwitchApi
{
    public const string StatusName = "KillSwitchTenantStatus";
    public const string PauseName = "KillSwitchTenantPause";
    public const string ResumeName = "KillSwitchTenantResume";

    /// <summary>The freeze hold the operator's per-tenant pause takes (an incident's holds are its incident ids).</summary>
    public const string Hold = "operator-kill-switch";

    private const int LedgerLines = 20;

    [Function(StatusName)]
    public static async Task<IResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/console/kill-switch")] HttpRequest request,
        IKillSwitch killSwitch,
        ITenantFreeze freeze,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(killSwitch);
        ArgumentNullException.ThrowIfNull(freeze);
        ArgumentNullException.ThrowIfNull(ledger);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "console/kill-switch", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        IReadOnlyList<string> holds = await freeze.HeldByAsync(tenant, cancellation);
        IEnumerable<AuditEntry> lines = (await ledger.ListAsync(tenant, null, cancellation)).Where(e => e.Action.StartsWith("kill_switch", StringComparison.Ordinal)
                || e.Action.Contains("freeze", StringComparison.Ordinal))
            .Concat((await ledger.ListAsync("global", null, cancellation)).Where(e => e.Action.StartsWith("kill_switch", StringComparison.Ordinal)));
        return Results.Ok(new
        {
            tenant,
            paused = await killSwitch.IsPausedAsync(tenant, cancellation),
            global_paused = await killSwitch.IsPausedAsync(null, cancellation),
            operator_paused = holds.Contains(Hold),
            incident_holds = holds.Where(h => h != Hold),
            ledger = lines.OrderByDescending(e => e.At).Take(LedgerLines).Select(e => new
            {
                at = e.At,
                scope = e.TenantId == "global" ? "global" : "tenant",
                action = e.Action,
                actor = e.Actor,
                outcome = e.Outcome,
                correlation_id = e.CorrelationId,
            }),
            correlation_id = correlationId,
        });
    }

    [Function(PauseName)]
    public static Task<IResult> PauseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/admin/kill-switch/tenant/pause")] HttpRequest request,
        ITenantFreeze freeze, IAuditLedger ledger, TimeProvider clock, OperatorKeys keys, CancellationToken cancellation) =>
        SetAsync(request, paused: true, freeze, ledger, clock, keys, cancellation);

    [Function(ResumeName)]
    public static Task<IResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/admin/kill-switch/tenant/resume")] HttpRequest request,
        ITenantFreeze freeze, IAuditLedger ledger, TimeProvider clock, OperatorKeys keys, CancellationToken cancellation) =>
        SetAsync(request, paused: false, freeze, ledger, clock, keys, cancellation);

    private static async Task<IResult> SetAsync(HttpRequest request, bool paused, ITenantFreeze freeze, IAuditLedger ledger, TimeProvider clock,
        OperatorKeys keys, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(freeze);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clock);
        string correlationId = DealHttp.CorrelationId(request);
        string route = paused ? "kill-switch/tenant/pause" : "kill-switch/tenant/resume";
        TenantAccess admin = await TenantGate.CheckAdminAsync(request, route, correlationId, keys, ledger, clock, cancellation);
        if (admin.Refusal is not null)
        {
            return admin.Refusal;
        }

        // An admin names the tenant; the gate validates it (a malformed id is a 400, none is a 400).
        TenantAccess access = await TenantGate.CheckAsync(request, route, tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        string actor = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 and <= 128 } a ? a : "founder";
        bool frozen = await freeze.SetAsync(new FreezeTenantInput(tenant, Hold, paused, actor, correlationId), cancellation);
        await ledger.AppendAsync(new AuditEntry(Guid.NewGuid().ToString("N"), tenant, correlationId, paused ? "kill_switch_tenant_pause" : "kill_switch_tenant_resume",
            "B", actor, "kill-switch", clock.GetUtcNow().UtcDateTime, Outcome: paused ? "paused" : frozen ? "resumed_incident_freeze_remains" : "resumed"), cancellation);
        return Results.Ok(new { tenant, paused = frozen, by = actor, correlation_id = correlationId });
    }
}
