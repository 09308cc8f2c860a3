using System.Globalization;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement.Activities;

/// <summary>
/// Applies one loop proposal, after the guard (<see cref="LoopGuard"/>: a red line refuses, §17.5 decides whether it
/// may run without approval) and the kill switch (§17.8: paused, budget changes halt). A budget change is conditional on
/// the budget still being the proposal's <c>from</c>. Every outcome is one line on the audit ledger (§17.7 fields: the
/// action, campaign, from, to, reason, auto-approved or the human reviewer), written once per idempotency key.
/// </summary>
[DurableTask(Name)]
public sealed class ApplyLoopAction(ICampaignStore campaigns, IKillSwitch killSwitch, IAuditLedger ledger, TimeProvider clock) : TaskActivity<LoopActionInput, LoopActionResult>
{
    public const string Name = "ApplyLoopAction";

    public override async Task<LoopActionResult> RunAsync(TaskActivityContext context, LoopActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        LoopProposal p = input.Proposal;
        var action = new AutomatedAction(input.TenantId, p.Action, input.CorrelationId, p.Target) { From = p.From, To = p.To, ApprovedBy = input.ApprovedBy, Text = p.Reason };
        Verdict verdict = LoopGuard.Check(action);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        LoopActionResult result;
        if (!verdict.IsAllowed)
        {
            result = new LoopActionResult(verdict.Outcome, verdict.Code, verdict.Reason);
        }
        else if (await killSwitch.IsPausedAsync(input.TenantId))
        {
            return new LoopActionResult("paused", "kill_switch", "Automation is paused (§17.8); the action waits for resume.");
        }
        else
        {
            bool done = p.Action switch
            {
                MarketingRules.PauseFailingAds => await campaigns.PauseAdsAsync(input.TenantId, p.Target, now),
                MarketingRules.IncreaseBudget or MarketingRules.ReduceBudget when p is { From: { } from, To: { } to } =>
                    await campaigns.SetBudgetAsync(input.TenantId, p.Target, from, to, now, input.ApprovedBy is null ? input.Period : null),
                "bulk_email" => true, // the approval is what is applied here; BulkEmailOrchestrator sends once this says so
                _ => false,
            };
            result = done ? new LoopActionResult("applied", verdict.Code, p.Reason) : new LoopActionResult("stale", "campaign_changed", "The campaign changed or is gone since the proposal.");
        }

        await ledger.AppendAsync(new AuditEntry(AuditIds.From(input.IdempotencyKey), input.TenantId, input.CorrelationId,
            result.Outcome != "refused" ? p.Action : verdict.Code == RedLines.MissingCorrelationId ? RedLines.MissingCorrelationId : "red_line_refused", "B", input.ApprovedBy ?? "automation", p.Target, now,
            From: Amount(p.From), To: Amount(p.To), Reason: result.Outcome == "applied" ? p.Reason : $"{result.Code}: {result.Reason}",
            ApprovalId: input.ApprovalId, AutoApproved: input.ApprovedBy is null && result.Outcome == "applied", Outcome: result.Outcome));
        return result;
    }

    private static string? Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);
}
