using System.Text.Json;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Onboarding.Activities;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;
using Dealix.Orchestrations.SelfImprovement.Activities;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement;

/// <summary>
/// One tenant's marketing loop (§17.3, "Marketing ad review", daily 08:00 AST), started by the scheduler as
/// <c>sched:marketing-ad-review:{period}:{tenant}</c> (kill switch checked first) or by the run route. It reads the
/// tenant's campaigns, lets <see cref="MarketingRules"/> propose, applies the auto-allowed proposals at once through
/// <see cref="ApplyLoopAction"/> (guarded and audited), and puts every other one in the approval center as its own
/// <see cref="LoopApprovalOrchestrator"/> (started once per period and target, so a re-run proposes nothing twice). The
/// changes that pass the smart-alert rule (§17.6) are told to the marketing operators; the rest is only on the ledger.
/// </summary>
[DurableTask(Name)]
public sealed class MarketingLoopOrchestrator : TaskOrchestrator<OutreachRunInput, LoopRunResult>
{
    public const string Name = "MarketingLoop";

    public override async Task<LoopRunResult> RunAsync(TaskOrchestrationContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        DateTime now = context.CurrentUtcDateTime;
        if (LoopKeys.Period(input.Trigger) is not { } period)
        {
            return new LoopRunResult("invalid_trigger", MarketingRules.Loop, string.Empty, 0, 0, 0, 0, 0);
        }

        int calls = 0;
        string Key(string step) => DealKeys.IdempotencyKey(context.InstanceId, now, $"{++calls}/{step}");
        IReadOnlyList<Campaign> campaigns = await context.CallActivityAsync<IReadOnlyList<Campaign>>(ReadCampaigns.Name, input.TenantId, Retries.Storage);
        IReadOnlyList<LoopProposal> proposals = MarketingRules.Review(campaigns, period);
        int applied = 0, awaiting = 0, refused = 0, alerts = 0;
        foreach (LoopProposal proposal in proposals)
        {
            string outcome;
            if (proposal.NeedsApproval)
            {
                string draftId = LoopKeys.ApprovalDraftId(proposal.Loop, period, proposal.Action, proposal.Target);
                var approval = new LoopApprovalInput(input.TenantId, draftId, proposal, input.CorrelationId, now);
                await context.CallActivityAsync<bool>(StartOrchestrationOnce.Name, new StartOnceInput(LoopApprovalOrchestrator.Name,
                    DealKeys.ApprovalInstanceId(input.TenantId, draftId), JsonSerializer.SerializeToElement(approval, JsonSerializerOptions.Web)), Retries.Storage);
                awaiting++;
                outcome = "awaiting approval";
            }
            else
            {
                LoopActionResult result = await context.CallActivityAsync<LoopActionResult>(ApplyLoopAction.Name,
                    new LoopActionInput(input.TenantId, proposal, input.CorrelationId, Key(ApplyLoopAction.Name), Period: period), Retries.Storage);
                applied += result.Outcome == "applied" ? 1 : 0;
                refused += result.Outcome == "refused" ? 1 : 0;
                outcome = result.Outcome;
            }

            Campaign campaign = campaigns.First(c => c.CampaignId == proposal.Target);
            var candidate = new AlertCandidate($"campaign {proposal.Target}", now - TimeSpan.FromDays(7))
            {
                Value = (double)campaign.Cpa7d,
                Baseline = (double)campaign.TargetCpa,
                AmountSar = proposal is { From: { } from, To: { } to } ? to - from : null,
            };
            if (SmartAlertPolicy.Evaluate(candidate, now).Kind == AlertDecisionKind.Alert)
            {
                alerts++;
                await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(input.TenantId, "loop_change", OperatorAlertSeverity.Info,
                    $"Marketing loop: {proposal.Action} on {proposal.Target} ({outcome})", LoopApprovalOrchestrator.Describe(proposal),
                    $"loop:{input.TenantId}:{MarketingRules.Loop}:{period}:{proposal.Action}:{proposal.Target}", "marketing",
                    proposal.NeedsApproval ? $"/api/v1/approval-center?tenant={input.TenantId}" : null), Retries.Notification);
            }
        }

        context.SetCustomStatus(new { period, proposals = proposals.Count, applied, awaiting_approval = awaiting, refused });
        return new LoopRunResult("completed", MarketingRules.Loop, period, proposals.Count, applied, awaiting, refused, alerts);
    }
}
