using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Outreach.Activities;
using Dealix.Orchestrations.Outreach.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Outreach;

/// <summary>
/// One tenant's daily pipeline (§10.7, §20): the kill switch first (§17.8: paused means <c>skipped: paused</c>), then
/// daily targeting of the top 50 (§10.1), and for each selected prospect in parallel the compliance check, e-mail
/// generation, the content gate and a draft <c>pending_approval</c> (§10.5); each draft then waits in its own
/// <see cref="DraftApprovalOrchestrator"/> (<c>approval:{tenant}:{draft}</c>), so the approval center, its callbacks and
/// the approval SLA of §4.4 (24 h due, 72 h expiry) work as for any deal draft. Started by the daily timer (through
/// the scheduled-job orchestrator) or <c>POST /api/v1/automation/daily-pipeline/run</c>. Sends nothing.
/// </summary>
[DurableTask(Name)]
public sealed class DailyPipelineOrchestrator : TaskOrchestrator<OutreachRunInput, DailyPipelineResult>
{
    public const string Name = "DailyPipeline";

    public override async Task<DailyPipelineResult> RunAsync(TaskOrchestrationContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<DailyPipelineOrchestrator>();
        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, input.TenantId, Retries.Storage))
        {
            log.RunSkippedPaused(context.InstanceId, input.TenantId, input.CorrelationId);
            return new DailyPipelineResult(input.TenantId, OutreachStatus.SkippedPaused, 0, 0, [], [], []);
        }

        TargetingResult targeting = await context.CallActivityAsync<TargetingResult>(SelectDailyTargets.Name, input, Retries.Storage);
        DateTime now = context.CurrentUtcDateTime;
        string runDay = now.AddHours(3).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var preparing = new List<Task<PreparedDraft>>(targeting.Selected.Count);
        for (int i = 0; i < targeting.Selected.Count; i++)
        {
            preparing.Add(context.CallActivityAsync<PreparedDraft>(PrepareOutreachDraft.Name, new PrepareDraftInput(
                input.TenantId, targeting.Selected[i].ProspectId, runDay, input.CorrelationId,
                DealKeys.IdempotencyKey(context.InstanceId, now, $"prepare/{i}")), Retries.Storage));
        }

        PreparedDraft[] prepared = await Task.WhenAll(preparing);
        foreach (PreparedDraft draft in prepared.Where(p => p.Outcome == PreparedDraft.Drafted))
        {
            // Not awaited: an approval may wait 72 hours; the run is done once every draft waits in its own approval.
            _ = context.CallSubOrchestratorAsync<DraftDecision>(DraftApprovalOrchestrator.Name,
                new DraftApprovalInput(input.TenantId, draft.DraftId!, draft.DealInstanceId!, DraftKind.FirstTouch, DealStage.NewLead, draft.Channel, input.CorrelationId),
                new SubOrchestrationOptions(instanceId: DealKeys.ApprovalInstanceId(input.TenantId, draft.DraftId!)));
        }

        var result = new DailyPipelineResult(input.TenantId, OutreachStatus.Completed, targeting.Candidates, targeting.Selected.Count,
            [.. prepared.Where(p => p.Outcome == PreparedDraft.Drafted).Select(p => p.DraftId!)],
            [.. prepared.Where(p => p.Outcome == PreparedDraft.BlockedByGate).Select(p => p.DraftId!)],
            [.. prepared.Where(p => p.Outcome is PreparedDraft.Skipped or PreparedDraft.AlreadyDrafted)
                .Select(p => new SkippedItem(p.ProspectId, p.Outcome == PreparedDraft.AlreadyDrafted ? PreparedDraft.AlreadyDrafted : string.Join(',', p.Reasons)))]);
        await context.CallActivityAsync<bool>(RecordAudit.Name, new RecordAuditInput(
            input.TenantId, input.CorrelationId, "daily_pipeline_run", "A", "automation", context.InstanceId,
            DealKeys.IdempotencyKey(context.InstanceId, now, "audit"),
            Reason: $"{input.Trigger}; candidates {result.Candidates}, selected {result.Selected}, drafted {result.Drafted.Count}, blocked_by_gate {result.BlockedByGate.Count}, skipped {result.Skipped.Count}",
            Outcome: result.Status), Retries.Storage);
        log.PipelineCompleted(context.InstanceId, input.TenantId, result.Drafted.Count, input.CorrelationId);
        return result;
    }
}
