using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.OperatorConsole;

/// <summary>
/// The two small read routes the console needs beyond the existing API: <c>GET /api/v1/console/session</c> (who the
/// presented key speaks for: the console's sign-in check; 401 for no or an unknown key, 403 for a key bound to no
/// tenant) and <c>GET /api/v1/admin/kill-switch</c> (whether automation is paused; admin keys only, like pause/resume).
/// </summary>
public static class ConsoleApi
{
    public const string SessionName = "ConsoleSession";
    public const string KillSwitchStatusName = "KillSwitchStatus";

    [Function(SessionName)]
    public static async Task<IResult> SessionAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/console/session")] HttpRequest request,
        OperatorKeys keys,
        IAuditLedger ledger,
        IConfiguration configuration,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "console/session", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        CallerScope scope = access.Scope!;
        if (scope.Kind == ScopeKind.Unscoped)
        {
            return DealHttp.Forbidden("This key is not an operator key: sign in with an operator key of a tenant or an admin key.", correlationId);
        }

        // An admin picks the tenant to work on; the tenants the settings name are offered (the key itself stays the check).
        string[] known = scope.IsAdmin
            ? [.. configuration.GetSection(OperatorKeys.Section).GetChildren().Select(e => e["Tenant"])
                .Concat(configuration.GetSection("WhatsApp:Tenants").GetChildren().Select(e => e.Value))
                .Concat(configuration.GetSection("Email:Tenants").GetChildren().Select(e => e.Value))
                .OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [scope.Tenant!];
        return Results.Ok(new
        {
            key_id = scope.KeyId,
            kind = scope.Kind switch { ScopeKind.Master => "master", ScopeKind.AdminOperator => "admin", _ => "tenant" },
            admin = scope.IsAdmin,
            tenant = scope.Tenant,
            tenants = known,
            correlation_id = correlationId,
        });
    }

    [Function(KillSwitchStatusName)]
    public static async Task<IResult> KillSwitchStatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/admin/kill-switch")] HttpRequest request,
        IKillSwitch killSwitch,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(killSwitch);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAdminAsync(request, "kill-switch/status", correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        return Results.Ok(new { paused = await killSwitch.IsPausedAsync(null, cancellation), correlation_id = correlationId });
    }
}
