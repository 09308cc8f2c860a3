using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Runtime.Hosting.Http;
using Microsoft.AspNetCore.Http;

namespace Dealix.Functions.Deals;

/// <summary>What a gate decided: the tenant to act on (null only where none is needed), or the refusal to answer.</summary>
public readonly record struct TenantAccess(string? Tenant, CallerScope? Scope, IResult? Refusal);

/// <summary>
/// Binds an operator route to the caller's tenant scope (issue 15 item 3). The tenant named by <c>X-Tenant-Id</c> or
/// <c>?tenant=</c> is checked against the key: a tenant-bound key acts on its own tenant (also when none is named) and
/// gets 403 for any other; an admin key (the master key, an operator key marked Admin) acts on the named tenant; an
/// unscoped key (the host key unless <c>Operators:HostKeyIsAdmin</c>, a per-function key) gets 403 wherever a tenant is
/// involved. Every 403 goes on the audit ledger of the tenant asked for, naming the key by its id, never the key.
/// </summary>
public static class TenantGate
{
    public const string RefusedAction = "tenant_access_refused";

    /// <summary>Checks the request; <paramref name="tenantRequired"/> says the route cannot work without a tenant.</summary>
    public static async Task<TenantAccess> CheckAsync(HttpRequest request, string route, bool tenantRequired, string correlationId,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Resolve(HostKeys.Presented(request)) is not { } scope)
        {
            return new TenantAccess(null, null, DealHttp.Unauthorized("A key is required: pass it as the 'code' query parameter or the x-functions-key header.", correlationId));
        }

        bool named = !string.IsNullOrEmpty(request.Headers[DealHttp.TenantHeader].ToString()) || !string.IsNullOrEmpty(request.Query["tenant"].ToString());
        string? asked = DealHttp.Tenant(request);
        if (named && asked is null)
        {
            return new TenantAccess(null, scope, DealHttp.BadRequest("The tenant (X-Tenant-Id or ?tenant=) is not a valid tenant id.", correlationId));
        }

        return await CheckAsync(scope, asked, route, tenantRequired, correlationId, ledger, clock, cancellation);
    }

    /// <summary>Checks a tenant named elsewhere (a body field) against an already resolved scope.</summary>
    public static async Task<TenantAccess> CheckAsync(CallerScope scope, string? asked, string route, bool tenantRequired, string correlationId,
        IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clock);
        switch (scope.Kind)
        {
            case ScopeKind.Master or ScopeKind.AdminOperator:
                return asked is null && tenantRequired
                    ? new TenantAccess(null, scope, DealHttp.BadRequest("A tenant is required (X-Tenant-Id or ?tenant=).", correlationId))
                    : new TenantAccess(asked, scope, null);
            case ScopeKind.Tenant when asked is null || string.Equals(asked, scope.Tenant, StringComparison.Ordinal):
                return new TenantAccess(scope.Tenant, scope, null);
            case ScopeKind.Unscoped when asked is null && !tenantRequired:
                return new TenantAccess(null, scope, null);
        }

        string reason = scope.Kind == ScopeKind.Tenant ? "other_tenant" : "key_not_tenant_bound";
        string target = asked ?? "none";
        await ledger.AppendAsync(new AuditEntry(Guid.NewGuid().ToString("N"), asked ?? "global", correlationId, RefusedAction, "B", $"key:{scope.KeyId}", route,
            clock.GetUtcNow().UtcDateTime, Reason: reason, Outcome: "refused"), cancellation);
        if (scope.Tenant is { } own && asked is not null)
        {
            await ledger.AppendAsync(new AuditEntry(Guid.NewGuid().ToString("N"), own, correlationId, RefusedAction, "B", $"key:{scope.KeyId}", route,
                clock.GetUtcNow().UtcDateTime, Reason: $"{reason}:{target}", Outcome: "refused"), cancellation);
        }

        return new TenantAccess(null, scope, DealHttp.Forbidden(scope.Kind == ScopeKind.Tenant
            ? $"This key belongs to another tenant; it may not act on tenant '{target}'."
            : "This key is not bound to a tenant; use an operator key of the tenant or an admin key.", correlationId));
    }

    /// <summary>The global routes (kill switch): the master key or an admin operator key only.</summary>
    public static async Task<TenantAccess> CheckAdminAsync(HttpRequest request, string route, string correlationId, OperatorKeys keys, IAuditLedger ledger,
        TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clock);
        if (keys.Resolve(HostKeys.Presented(request)) is not { } scope)
        {
            return new TenantAccess(null, null, DealHttp.Unauthorized("A key is required: pass it as the 'code' query parameter or the x-functions-key header.", correlationId));
        }

        if (scope.IsAdmin)
        {
            return new TenantAccess(null, scope, null);
        }

        await ledger.AppendAsync(new AuditEntry(Guid.NewGuid().ToString("N"), scope.Tenant ?? "global", correlationId, RefusedAction, "B", $"key:{scope.KeyId}", route,
            clock.GetUtcNow().UtcDateTime, Reason: "admin_required", Outcome: "refused"), cancellation);
        return new TenantAccess(null, scope, DealHttp.Forbidden("This route acts on every tenant; it needs the master key or an admin operator key.", correlationId));
    }
}
