using System.Globalization;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.SelfImprovement.Activities;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement;

/// <summary>
/// A loop proposal that needs a human (§17.5: every budget cut, a large send, a launch, a brand change), run as the
/// approval instance <c>approval:{tenant}:{draftId}</c> so the approval center and its signed links decide it like any
/// draft (kind <c>loop_action</c>, action = the proposal's). The "marketing or self-improvement change" SLA of §4.4:
/// the team lead is reminded at 75 % of 24 h, the founder alerted at 24 h, and the request expires at 72 h. Nothing is
/// applied before the approval; once approved, <see cref="ApplyLoopAction"/> applies it (held while the kill switch is
/// on, §17.8: approved items wait until resume).
/// </summary>
[DurableTask(Name)]
public sealed class LoopApprovalOrchestrator : TaskOrchestrator<LoopApprovalInput, LoopActionResult>
{
    public const string Name = "LoopApproval";

    /// <summary>§4.4: marketing or self-improvement change.</summary>
    public static TimeSpan Due { get; } = TimeSpan.FromHours(24);

    public static TimeSpan Expiry { get; } = TimeSpan.FromHours(72);

    /// <summary>How often an approved action held by the kill switch looks again, and for how long at most.</summary>
    public static TimeSpan PausedRetry { get; } = TimeSpan.FromHours(1);

    public const int MaxPausedRetries = 24 * 7;

    public override async Task<LoopActionResult> RunAsync(TaskOrchestrationContext context, LoopApprovalInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        int calls = 0;
        string Key(string step) => DealKeys.IdempotencyKey(context.InstanceId, input.RequestedAt, $"{++calls}/{step}");
        void Status(string state) => context.SetCustomStatus(new { loop = input.Proposal.Loop, action = input.Proposal.Action, target = input.Proposal.Target, state });
        LoopProposal p = input.Proposal;
        DateTime now = context.CurrentUtcDateTime;
        var draft = new ReplyDraft
        {
            DraftId = input.DraftId,
            TenantId = input.TenantId,
            DealInstanceId = $"loop:{p.Loop}",
            ContactId = p.Target,
            Channel = MessageChannel.Email,
            To = "marketing",
            Text = Describe(p),
            Kind = DraftKind.LoopAction,
            Category = p.Action,
            Stage = DealStage.NewLead,
            Status = DraftStatus.PendingApproval,
            CorrelationId = input.CorrelationId,
            CreatedAt = now,
            ExpiresAt = now + Expiry,
            AssignedOperator = "founder",
        };
        await context.CallActivityAsync<ReplyDraft>(CreateReplyDraft.Name, new CreateDraftInput(draft, Key(CreateReplyDraft.Name)), Retries.Storage);
        Status("awaiting_approval");

        DraftDecision? decision = null;
        Task<DraftDecision> decided = context.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided);
        (DateTime At, string Kind, string Severity, string Role)[] ladder =
        [
            (now + (Due * 0.75), OperatorAlertKinds.ApprovalReminder, OperatorAlertSeverity.Warning, "team_lead"),
            (now + Due, OperatorAlertKinds.ApprovalEscalation, OperatorAlertSeverity.Critical, "founder"),
            (now + Expiry, "expire", string.Empty, string.Empty),
        ];
        foreach ((DateTime at, string kind, string severity, string role) in ladder)
        {
            using var timerCancellation = new CancellationTokenSource();
            Task lapsed = context.CreateTimer(at, timerCancellation.Token);
            if (await Task.WhenAny(decided, lapsed) == decided)
            {
                timerCancellation.Cancel();
                decision = await decided;
                break;
            }

            if (kind == "expire")
            {
                bool expired = await context.CallActivityAsync<bool>(CloseDraft.Name, new CloseDraftInput(input.TenantId, input.DraftId, DraftStatus.Expired,
                    "approval_sla_expired", input.CorrelationId, Key(CloseDraft.Name)), Retries.Storage);
                decision = expired ? DraftDecision.Expired(input.DraftId) : await decided;
                break;
            }

            await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(input.TenantId, kind, severity,
                $"Loop change waiting for approval: {p.Action} {p.Target}", $"Approval {input.DraftId} ({p.Loop} loop: {Describe(p)}) is waiting.",
                $"{context.InstanceId}:{kind}", role, $"/api/v1/approval-center?tenant={input.TenantId}"), Retries.Notification);
        }

        if (decision is not { IsApproved: true })
        {
            string outcome = decision?.Decision == DraftDecisionKind.Expired ? "expired" : "rejected";
            Status(outcome);
            return new LoopActionResult(outcome, outcome, decision?.Reason ?? outcome);
        }

        LoopActionResult result = await context.CallActivityAsync<LoopActionResult>(ApplyLoopAction.Name,
            new LoopActionInput(input.TenantId, p, input.CorrelationId, Key(ApplyLoopAction.Name), decision.Reviewer, input.DraftId), Retries.Storage);
        for (int retry = 0; result.Outcome == "paused" && retry < MaxPausedRetries; retry++)
        {
            Status("approved_waiting_for_resume");
            await context.CreateTimer(context.CurrentUtcDateTime + PausedRetry, CancellationToken.None);
            result = await context.CallActivityAsync<LoopActionResult>(ApplyLoopAction.Name,
                new LoopActionInput(input.TenantId, p, input.CorrelationId, Key(ApplyLoopAction.Name), decision.Reviewer, input.DraftId), Retries.Storage);
        }

        Status(result.Outcome);
        return result;
    }

    /// <summary>What the approver decides, in one line.</summary>
    public static string Describe(LoopProposal p)
    {
        ArgumentNullException.ThrowIfNull(p);
        string amounts = p is { From: { } from, To: { } to }
            ? string.Create(CultureInfo.InvariantCulture, $" budget {from:0.##} → {to:0.##} SAR ({(to - from) / from:+0%;-0%})")
            : string.Empty;
        return $"{p.Action} on {p.Target}:{amounts}. Reason: {p.Reason}.";
    }
}
