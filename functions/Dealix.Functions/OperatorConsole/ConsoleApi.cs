using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.OperatorConsole;

/// <summary>
/// The small read routes the console needs beyond the existing API: <c>GET /api/v1/console/session</c> (who the
/// presented key speaks for: the console's sign-in check; 401 for no or an unknown key, 403 for a key bound to no
/// tenant), <c>GET /api/v1/console/deals</c> (the tenant's deal workflows with their stage, from the instances'
/// custom status; <c>page_size</c> 1–100 and <c>continuation</c>) and <c>GET /api/v1/admin/kill-switch</c> (whether
/// automation is paused; admin keys only, like pause/resume).
/// </summary>
public static class ConsoleApi
{
    public const string SessionName = "ConsoleSession";
    public const string KillSwitchStatusName = "KillSwitchStatus";
    public const string DealsName = "ConsoleDeals";

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

    [Function(DealsName)]
    public static async Task<IResult> DealsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/console/deals")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "console/deals", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        int size = 50;
        if (request.Query["page_size"].ToString() is { Length: > 0 } sizeText && (!int.TryParse(sizeText, out size) || size is < 1 or > 100))
        {
            return DealHttp.BadRequest("page_size must be 1–100.", correlationId);
        }

        string? continuation = request.Query["continuation"].ToString() is { Length: > 0 } token ? token : null;
        // Deal instance ids are deal:{tenant}:{contact} (DealKeys): the prefix keeps the listing inside the tenant.
        var query = new OrchestrationQuery { InstanceIdPrefix = $"deal:{access.Tenant}:", PageSize = size, FetchInputsAndOutputs = true };
        Page<OrchestrationMetadata>? page;
        try
        {
            await using IAsyncEnumerator<Page<OrchestrationMetadata>> pages = client.GetAllInstancesAsync(query).AsPages(continuation, size).GetAsyncEnumerator(cancellation);
            page = await pages.MoveNextAsync() ? pages.Current : null;
        }
        catch (Exception e) when (continuation is not null && e is FormatException or ArgumentException or JsonException or InvalidOperationException)
        {
            return DealHttp.BadRequest("continuation is not a token this route issued.", correlationId);
        }

        return Results.Ok(new
        {
            items = (page?.Values ?? []).Select(i =>
            {
                (string? stage, string? contact, string? pending) = Status(i.SerializedCustomStatus);
                return new
                {
                    deal_id = i.InstanceId,
                    contact_id = contact,
                    stage,
                    pending_draft_id = pending,
                    runtime_status = i.RuntimeStatus.ToString(),
                    created_at = i.CreatedAt,
                    updated_at = i.LastUpdatedAt,
                };
            }),
            continuation = page is { ContinuationToken: { Length: > 0 } next } ? next : null,
            correlation_id = correlationId,
        });
    }

    private static (string? Stage, string? Contact, string? PendingDraft) Status(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
        {
            return (null, null, null);
        }

        try
        {
            using JsonDocument status = JsonDocument.Parse(serialized);
            JsonElement root = status.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : null;
            return (Text("stage"), Text("contactId"), Text("pendingDraftId"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }
}
