using Dealix.Orchestrations.BulkEmails.Activities;
using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.BulkEmails.Rules;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Outreach.Rules;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.BulkEmails;

/// <summary>
/// One bulk e-mail, from approval to the last recipient (§17.5, I1), as <c>bulk:{tenant}:{bulkId}</c>.
/// First the approval: a <see cref="LoopApprovalOrchestrator"/> sub-orchestration under the approval instance
/// <c>approval:{tenant}:bulk-{bulkId}</c>, so the approval center decides it as a <c>loop_action</c> (action
/// <c>bulk_email</c>) with the SLA of a marketing change (§4.4: team lead reminded at 18 h, founder at 24 h, expired at
/// 72 h); rejected, expired or refused, nothing is sent and the queued recipients are closed as skipped. Once approved,
/// each generation (continue-as-new, so the history stays small however long the list) does one step: while the kill
/// switch is on it waits (§17.8, approved items wait until resume); outside the first-touch send window (Sun–Thu
/// 09:00–17:00 AST, §10.6) it sleeps until the window opens; at the tenant's daily e-mail cap (100, shared with every
/// other e-mail) it sleeps until the next AST day; otherwise it sends up to <see cref="ListBulkRecipients.ChunkSize"/>
/// recipients, one <see cref="SendBulkRecipient"/> each, at most 30 a minute (2 s apart). Each recipient is sent at most
/// once: its draft's claim in the outbox sender decides, whatever is replayed or redelivered.
/// </summary>
[DurableTask(Name)]
public sealed class BulkEmailOrchestrator : TaskOrchestrator<BulkEmailInput, string>
{
    public const string Name = "BulkEmail";

    /// <summary>How long a paused bulk waits before it looks at the kill switch again.</summary>
    public static TimeSpan PausedRetry { get; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a chunk in which no recipient moved (every message still on its way) waits before the next.</summary>
    public static TimeSpan StalledRetry { get; } = TimeSpan.FromMinutes(1);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, BulkEmailInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Approver is null)
        {
            return await ApproveAsync(context, input);
        }

        DateTime now = context.CurrentUtcDateTime;
        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, input.TenantId, Retries.Storage))
        {
            return await WaitAsync(context, input, BulkEmailStatus.Paused, now + PausedRetry);
        }

        if (!SendWindows.IsOpen(BulkEmailRules.WindowKind, now))
        {
            return await WaitAsync(context, input, BulkEmailStatus.WaitingForSendWindow, SendWindows.NextOpen(BulkEmailRules.WindowKind, now));
        }

        var recipient = new BulkRecipientSend(input.TenantId, input.BulkId, string.Empty, input.CorrelationId, input.Approver);
        BulkBatch batch = await context.CallActivityAsync<BulkBatch>(ListBulkRecipients.Name, recipient, Retries.Storage);
        if (batch.Queued.Count == 0)
        {
            await SetStatusAsync(context, input, BulkEmailStatus.Completed, null);
            return BulkEmailStatus.Completed;
        }

        ChannelLimit limit = SendRateLimits.For(Deals.Contracts.MessageChannel.Email);
        int allowance = limit.PerDay is { } cap ? cap - batch.EmailSentToday : batch.Queued.Count;
        if (allowance <= 0)
        {
            DateTime nextDay = DateTime.SpecifyKind((now + TimeSpan.FromHours(3)).Date.AddDays(1) - TimeSpan.FromHours(3), DateTimeKind.Utc);
            return await WaitAsync(context, input, BulkEmailStatus.DailyLimitReached, SendWindows.NextOpen(BulkEmailRules.WindowKind, nextDay));
        }

        if (input.LastStatus != BulkEmailStatus.Sending)
        {
            await SetStatusAsync(context, input, BulkEmailStatus.Sending, null);
        }

        DateTime? lastSend = input.LastSendAt;
        bool moved = false;
        foreach (string prospectId in batch.Queued.Take(allowance))
        {
            if (lastSend is { } last && last + limit.Spacing > context.CurrentUtcDateTime)
            {
                await context.CreateTimer(last + limit.Spacing, CancellationToken.None);
            }

            if (!SendWindows.IsOpen(BulkEmailRules.WindowKind, context.CurrentUtcDateTime))
            {
                break;
            }

            string outcome = await context.CallActivityAsync<string>(SendBulkRecipient.Name, recipient with { ProspectId = prospectId }, Retries.Storage);
            if (outcome == SendBulkRecipient.Held)
            {
                break;
            }

            moved |= outcome != BulkRecipient.Queued;
            if (outcome is not BulkRecipient.Skipped)
            {
                lastSend = context.CurrentUtcDateTime;
            }
        }

        if (!moved)
        {
            await context.CreateTimer(context.CurrentUtcDateTime + StalledRetry, CancellationToken.None);
        }

        context.ContinueAsNew(input with { LastSendAt = lastSend, LastStatus = BulkEmailStatus.Sending });
        return BulkEmailStatus.Sending;
    }

    private static async Task<string> ApproveAsync(TaskOrchestrationContext context, BulkEmailInput input)
    {
        var proposal = new LoopProposal("marketing", BulkEmailRules.Action, input.BulkId, null, null, input.Summary, NeedsApproval: true);
        LoopActionResult decided = await context.CallSubOrchestratorAsync<LoopActionResult>(LoopApprovalOrchestrator.Name,
            new LoopApprovalInput(input.TenantId, input.ApprovalId, proposal, input.CorrelationId, input.RequestedAt),
            new SubOrchestrationOptions(instanceId: DealKeys.ApprovalInstanceId(input.TenantId, input.ApprovalId)));
        if (decided.Outcome != "applied")
        {
            string status = decided.Outcome switch
            {
                "rejected" => BulkEmailStatus.Rejected,
                "expired" => BulkEmailStatus.Expired,
                _ => BulkEmailStatus.NotSent,
            };
            await SetStatusAsync(context, input, status, null);
            return status;
        }

        string approver = await SetStatusAsync(context, input, BulkEmailStatus.Sending, null) ?? "approver";
        context.ContinueAsNew(input with { Approver = approver, LastStatus = BulkEmailStatus.Sending });
        return BulkEmailStatus.Sending;
    }

    private static async Task<string> WaitAsync(TaskOrchestrationContext context, BulkEmailInput input, string status, DateTime until)
    {
        if (input.LastStatus != status)
        {
            await SetStatusAsync(context, input, status, until);
        }

        await context.CreateTimer(until, CancellationToken.None);
        context.ContinueAsNew(input with { LastStatus = status });
        return status;
    }

    private static Task<string?> SetStatusAsync(TaskOrchestrationContext context, BulkEmailInput input, string status, DateTime? nextSendAt) =>
        context.CallActivityAsync<string?>(SetBulkEmailStatus.Name,
            new BulkStatusChange(input.TenantId, input.BulkId, status, input.CorrelationId, context.CurrentUtcDateTime, NextSendAt: nextSendAt), Retries.Storage);
}
