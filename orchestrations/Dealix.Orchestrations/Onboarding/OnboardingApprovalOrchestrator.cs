using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Onboarding;

/// <summary>
/// Waits for the decision on one onboarding step's approval draft (§5.1 approvers, §4.4 onboarding row): at 75 % of a
/// business day the team lead is reminded, after one business day the founder is alerted, and then it keeps waiting
/// (an onboarding approval escalates instead of expiring). Runs as <c>approval:{tenantId}:{draftId}</c>, the id the
/// approval center and its signed callback links raise <see cref="DealEvents.DraftDecided"/> to, so deciding an
/// onboarding step works exactly like deciding a deal draft. It stores the step's approval draft first. Returns the
/// decision to the onboarding.
/// </summary>
[DurableTask(Name)]
public sealed class OnboardingApprovalOrchestrator : TaskOrchestrator<OnboardingApprovalInput, DraftDecision>
{
    public const string Name = "OnboardingApproval";

    public override async Task<DraftDecision> RunAsync(TaskOrchestrationContext context, OnboardingApprovalInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // The draft is stored by this instance, so the approval center never shows a draft whose decision has no
        // instance to go to yet.
        await context.CallActivityAsync<ReplyDraft>(CreateReplyDraft.Name, new CreateDraftInput(input.Draft, input.IdempotencyKey), Retries.Storage);
        (DateTime warning, DateTime due) = OnboardingPlan.Approval(context.CurrentUtcDateTime);
        Task<DraftDecision> decided = context.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided);
        (DateTime At, string Kind, string Severity, string Role)[] ladder =
        [
            (warning, OperatorAlertKinds.ApprovalReminder, "warning", "team_lead"),
            (due, OperatorAlertKinds.ApprovalEscalation, "critical", "founder"),
        ];
        foreach ((DateTime at, string kind, string severity, string role) in ladder)
        {
            using var timerCancellation = new CancellationTokenSource();
            Task lapsed = context.CreateTimer(at, timerCancellation.Token);
            if (await Task.WhenAny(decided, lapsed) == decided)
            {
                timerCancellation.Cancel();
                return await decided;
            }

            await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(
                input.TenantId, kind, severity, $"Onboarding approval waiting: {input.StepId}",
                $"Approval {input.DraftId} of step {input.StepId} ({input.OnboardingInstanceId}) is waiting for the {input.ApproverRole}.",
                $"{context.InstanceId}:{kind}", role, $"/api/v1/approval-center?tenant={input.TenantId}"), Retries.Notification);
        }

        return await decided;
    }
}
