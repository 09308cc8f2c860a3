using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Scheduling.Activities;
using Dealix.Orchestrations.Scheduling.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Scheduling;

/// <summary>
/// One tick of a §18 job, started by its timer under the instance id <c>sched:{job}:{periodKey}</c> (so a tick delivered
/// twice, by two instances, or caught up after downtime runs the job once). It checks the kill switch first (§17.8:
/// paused means it exits at once with <c>skipped: paused</c>), makes the flow's own correlation id (§4.2), and runs the
/// job's per-tenant orchestrator for every tenant as <c>sched:{job}:{periodKey}:{tenant}</c>; one tenant's failure does
/// not stop the others.
/// </summary>
[DurableTask(Name)]
public sealed class ScheduledJobOrchestrator : TaskOrchestrator<ScheduledJobInput, ScheduledJobResult>
{
    public const string Name = "ScheduledJob";

    /// <summary>The status of a run the kill switch stopped.</summary>
    public const string SkippedPaused = "skipped: paused";

    public override async Task<ScheduledJobResult> RunAsync(TaskOrchestrationContext context, ScheduledJobInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<ScheduledJobOrchestrator>();
        if (await context.CallActivityAsync<bool>(CheckGlobalPause.Name, input.Job, Retries.Storage))
        {
            log.JobSkippedPaused(context.InstanceId, input.Job);
            return new ScheduledJobResult(input.Job, input.PeriodKey, SkippedPaused, [], []);
        }

        string correlationId = "c-" + context.NewGuid().ToString("N");
        IReadOnlyList<string> tenants = await context.CallActivityAsync<IReadOnlyList<string>>(ListScheduledTenants.Name, input.Job, Retries.Storage);
        var runs = tenants.Select(tenant => (Tenant: tenant, Run: RunTenantAsync(context, input, tenant, correlationId))).ToList();
        await Task.WhenAll(runs.Select(r => r.Run));
        string[] failed = [.. runs.Where(r => !r.Run.Result).Select(r => r.Tenant)];
        log.JobCompleted(context.InstanceId, input.Job, tenants.Count, failed.Length, correlationId);
        return new ScheduledJobResult(input.Job, input.PeriodKey, "completed", tenants, failed);
    }

    private static async Task<bool> RunTenantAsync(TaskOrchestrationContext context, ScheduledJobInput input, string tenant, string correlationId)
    {
        try
        {
            await context.CallSubOrchestratorAsync(input.TenantOrchestrator,
                new OutreachRunInput(tenant, correlationId, $"timer:{input.Job}:{input.PeriodKey}", input.Limit),
                new SubOrchestrationOptions(instanceId: $"{context.InstanceId}:{tenant}"));
            return true;
        }
        catch (TaskFailedException)
        {
            return false; // the tenant's instance keeps the failure and its reason
        }
    }
}
