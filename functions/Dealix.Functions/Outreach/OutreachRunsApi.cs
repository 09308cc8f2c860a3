using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach;
using Dealix.Orchestrations.Outreach.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Outreach;

/// <summary>
/// The daily pipeline on demand (operator key required, tenant-scoped): <c>POST /api/v1/automation/daily-pipeline/run</c>
/// starts <see cref="DailyPipelineOrchestrator"/> for the caller's tenant (202 with the run's id and status URL; it
/// drafts, it never sends), and <c>GET /api/v1/automation/runs/{instanceId}</c> reads a run of the caller's tenant — a
/// pipeline, a send-approved-batch, or a scheduled run's tenant part (<c>sched:{job}:{period}:{tenant}</c>) — with its
/// status and result as JSON.
/// </summary>
public static class OutreachRunsApi
{
    public const string RunPipelineName = "DailyPipelineRun";
    public const string RunStatusName = "OutreachRunStatus";

    [Function(RunPipelineName)]
    public static async Task<IResult> RunPipelineAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/automation/daily-pipeline/run")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "automation/daily-pipeline/run", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        return await StartAsync(client, DailyPipelineOrchestrator.Name, "pipeline", access.Tenant!, correlationId, 50, cancellation);
    }

    [Function(RunStatusName)]
    public static async Task<IResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/automation/runs/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "automation/runs", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        OrchestrationMetadata? run = TenantOf(instanceId) == access.Tenant
            ? await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation)
            : null;
        if (run is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No run {instanceId} for this tenant.", correlationId);
        }

        using JsonDocument? output = run.SerializedOutput is { } o ? JsonDocument.Parse(o) : null;
        return Results.Ok(new
        {
            instance_id = run.InstanceId,
            name = run.Name,
            runtime_status = run.RuntimeStatus.ToString(),
            created_at = run.CreatedAt,
            last_updated_at = run.LastUpdatedAt,
            output = output?.RootElement.Clone(),
            failure = run.FailureDetails?.ErrorMessage,
            correlation_id = correlationId,
        });
    }

    /// <summary>Starts a per-tenant outreach run under <c>{kind}:{tenant}:{id}</c>; 202 with its status URL.</summary>
    internal static async Task<IResult> StartAsync(DurableTaskClient client, string orchestrator, string kind, string tenant, string correlationId, int limit,
        CancellationToken cancellation)
    {
        string instanceId = $"{kind}:{tenant}:{Guid.NewGuid():N}";
        await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, new OutreachRunInput(tenant, correlationId, "api", limit),
            new StartOrchestrationOptions(instanceId), cancellation);
        return Results.Accepted($"/api/v1/automation/runs/{Uri.EscapeDataString(instanceId)}",
            new { instance_id = instanceId, status_url = $"/api/v1/automation/runs/{Uri.EscapeDataString(instanceId)}", correlation_id = correlationId });
    }

    /// <summary>The tenant an outreach run belongs to, from its id; null for any other instance.</summary>
    internal static string? TenantOf(string instanceId)
    {
        string[] parts = instanceId.Split(':');
        return parts switch
        {
            ["pipeline" or "send-batch", var tenant, _] => tenant,
            ["sched", _, _, var tenant] => tenant,
            ["sched", _, _, var tenant, _] => tenant, // a batch's channel part
            _ => null,
        };
    }
}
