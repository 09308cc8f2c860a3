using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Onboarding;

/// <summary>
/// The connector routes of §6.7 (operator key, tenant-scoped): <c>GET /api/v1/customer-ops/connectors/catalog</c> (the 11
/// connectors with mode, phase, blocking flag, acceptance test and what connecting never enables),
/// <c>GET …/summary?customer_id=</c> (the §6.4 gate), <c>POST …/update</c> (one §6.3 transition; an invalid one is 409
/// with the allowed states; connecting needs the §6.6 acceptance test; the waiting onboarding is told), and
/// <c>GET …/demo</c> (a sample summary; nothing saved).
/// </summary>
public static class ConnectorsApi
{
    public const string CatalogName = "ConnectorsCatalog";
    public const string SummaryName = "ConnectorsSummary";
    public const string UpdateName = "ConnectorsUpdate";
    public const string DemoName = "ConnectorsDemo";

    [Function(CatalogName)]
    public static async Task<IResult> CatalogAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/connectors/catalog")] HttpRequest request,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "connectors/catalog", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        return CustomerOpsHttp.Answer(StatusCodes.Status200OK, new
        {
            Connectors = OnboardingRules.Connectors.Select(c => new
            {
                c.Id,
                DefaultMode = c.Mode,
                LaunchPhase = c.Phase,
                c.Blocking,
                LandingState = OnboardingRules.LandingState(c.Id),
                AcceptanceTests = ConnectorMachine.AcceptanceChecks(c.Id),
                NeverEnables = ConnectorPolicy.NeverEnables(c.Id),
            }),
            States = OnboardingRules.ConnectorStates,
        }, correlationId);
    }

    [Function(SummaryName)]
    public static async Task<IResult> SummaryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/connectors/summary")] HttpRequest request,
        IConnectorStore connectors,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "connectors/summary", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string customerId = request.Query["customer_id"].ToString();
        if (!DealKeys.IsValidKey(customerId))
        {
            return CustomerOpsHttp.Problem(StatusCodes.Status400BadRequest, "invalid_customer_id", "customer_id is required: 1–48 characters of A–Z, a–z, 0–9, '-' or '_'.", correlationId);
        }

        ConnectorGate gate = ConnectorMachine.Gate(access.Tenant!, customerId, await connectors.ListAsync(access.Tenant!, customerId, cancellation));
        return CustomerOpsHttp.Answer(StatusCodes.Status200OK, Summary(customerId, gate), correlationId);
    }

    [Function(UpdateName)]
    public static async Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/connectors/update")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        IConnectorStore connectors,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "connectors/update", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement? read, IResult? refusal) = await CustomerOpsHttp.ReadObjectAsync(request, correlationId, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        JsonElement body = read!.Value;
        if (Parse(body, access.Tenant!, request.Headers[DealHttp.OperatorHeader].ToString(), correlationId, out ConnectorUpdate? update) is { } invalid)
        {
            return CustomerOpsHttp.Problem(StatusCodes.Status400BadRequest, invalid.Error, invalid.Detail, correlationId);
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        ConnectorUpdateResult result = await ConnectorChanges.ApplyAsync(connectors, update!, now, cancellation);
        if (!result.Applied)
        {
            int status = result.Error switch
            {
                "unknown_connector" or "invalid_state" => StatusCodes.Status400BadRequest,
                "acceptance_required" => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status409Conflict,
            };
            return CustomerOpsHttp.Problem(status, result.Error!, result.Detail ?? result.Error!, correlationId, result.Allowed);
        }

        ConnectorRecord record = result.Record!;
        bool raised = record.State == "connected_approved_execute" && record.FounderApproved;
        await ledger.AppendAsync(new AuditEntry(Guid.NewGuid().ToString("N"), access.Tenant!, correlationId, "connector_changed", raised ? "B" : "A", update!.Actor,
            $"{update.CustomerId}/{update.ConnectorId}", now, To: record.State, Reason: record.FailureReason ?? record.AcceptanceCheck,
            ApprovalId: update.FounderApproval, Outcome: "applied"), cancellation);

        // The change is stored; now wake the customer's onboarding if it waits on its connectors.
        string instanceId = OnboardingKeys.InstanceId(access.Tenant!, update.CustomerId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            await client.RaiseEventAsync(instanceId, OnboardingEvents.ConnectorsChanged, update.ConnectorId, cancellation);
        }

        ConnectorGate gate = ConnectorMachine.Gate(access.Tenant!, update.CustomerId, await connectors.ListAsync(access.Tenant!, update.CustomerId, cancellation));
        return CustomerOpsHttp.Answer(StatusCodes.Status200OK, new
        {
            Connector = Describe(record),
            Summary = Summary(update.CustomerId, gate),
        }, correlationId);
    }

    [Function(DemoName)]
    public static async Task<IResult> DemoAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/connectors/demo")] HttpRequest request,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "connectors/demo", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        ConnectorRecord[] sample =
        [
            new("demo", "demo-customer", "gmail", "connected_draft_only", "draft_only", AcceptanceCheck: "draft_created_and_deleted", LastSyncAt: now),
            new("demo", "demo-customer", "google_sheets", "connected_approved_execute", "approved_execute", AcceptanceCheck: "test_row_written", LastSyncAt: now),
            new("demo", "demo-customer", "whatsapp_cloud", "configuring", "draft_only"),
            new("demo", "demo-customer", "moyasar", "failed", "manual", FailureReason: "auth", ErrorCount: 1),
        ];
        return CustomerOpsHttp.Answer(StatusCodes.Status200OK, new { Demo = true, Summary = Summary("demo-customer", ConnectorMachine.Gate("demo", "demo-customer", sample)) }, correlationId);
    }

    private static object Summary(string customerId, ConnectorGate gate) => new
    {
        CustomerId = customerId,
        Connectors = gate.Connectors.Select(Describe),
        gate.BlockingMissing,
        gate.ConnectedCount,
        gate.ReadyForFirstService,
    };

    private static object Describe(ConnectorRecord c) => new
    {
        Id = c.ConnectorId,
        c.State,
        c.Mode,
        c.FailureReason,
        c.AcceptanceCheck,
        c.LastSyncAt,
        Status = c.State,
        c.ErrorCount,
        c.UpdatedAt,
        c.UpdatedBy,
        AllowedTransitions = ConnectorMachine.AllowedFrom(c.ConnectorId, c.State),
        NeverEnables = ConnectorPolicy.NeverEnables(c.ConnectorId),
    };

    private static (string Error, string Detail)? Parse(JsonElement body, string tenant, string operatorHeader, string correlationId, out ConnectorUpdate? update)
    {
        update = null;
        string? customerId = CustomerOpsHttp.String(body, "customer_id", out bool ok1);
        string? connectorId = CustomerOpsHttp.String(body, "connector_id", out bool ok2);
        string? state = CustomerOpsHttp.String(body, "state", out bool ok3);
        string? reason = CustomerOpsHttp.String(body, "reason", out bool ok4);
        string? founderApproval = CustomerOpsHttp.String(body, "founder_approval", out bool ok5);
        string? actor = CustomerOpsHttp.String(body, "actor", out bool ok6);
        if (!ok1 || !DealKeys.IsValidKey(customerId))
        {
            return ("invalid_customer_id", "customer_id is required: 1–48 characters of A–Z, a–z, 0–9, '-' or '_'.");
        }

        if (!ok2 || connectorId is null || OnboardingRules.Connectors.All(c => c.Id != connectorId))
        {
            return ("unknown_connector", $"connector_id must be one of: {string.Join(", ", OnboardingRules.Connectors.Select(c => c.Id))}.");
        }

        if (!ok3 || state is null || !OnboardingRules.ConnectorStates.Contains(state))
        {
            return ("invalid_state", $"state must be one of: {string.Join(", ", OnboardingRules.ConnectorStates)}.");
        }

        if (!ok4 || (reason is not null && !ConnectorMachine.FailureCauses.Contains(reason)))
        {
            return ("invalid_reason", $"reason, when given, is one of: {string.Join(", ", ConnectorMachine.FailureCauses)}.");
        }

        if (!ok5 || founderApproval is { Length: 0 or > 64 } || !ok6 || actor is { Length: 0 or > 64 })
        {
            return ("invalid_body", "founder_approval and actor, when given, are strings of 1–64 characters.");
        }

        AcceptanceReport? acceptance = null;
        if (body.TryGetProperty("acceptance", out JsonElement test) && test.ValueKind != JsonValueKind.Null)
        {
            if (test.ValueKind != JsonValueKind.Object || CustomerOpsHttp.String(test, "check", out bool okCheck) is not { Length: > 0 and <= 64 } check || !okCheck
                || !test.TryGetProperty("passed", out JsonElement passed) || passed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return ("invalid_acceptance", "acceptance must be an object with check (string) and passed (boolean).");
            }

            string? cause = CustomerOpsHttp.String(test, "cause", out bool okCause);
            int? minutes = test.TryGetProperty("outage_minutes", out JsonElement m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out int v) && v is >= 0 and <= 100_000 ? v : null;
            if (!okCause || (cause is not null && !ConnectorMachine.FailureCauses.Contains(cause)))
            {
                return ("invalid_acceptance", $"acceptance.cause, when given, is one of: {string.Join(", ", ConnectorMachine.FailureCauses)}.");
            }

            acceptance = new AcceptanceReport(check, passed.GetBoolean(), cause, minutes);
        }

        string by = actor ?? (operatorHeader is { Length: > 0 and <= 64 } ? operatorHeader : "operator");
        update = new ConnectorUpdate(tenant, customerId!, connectorId, state, by, correlationId, reason, acceptance, founderApproval);
        return null;
    }
}
