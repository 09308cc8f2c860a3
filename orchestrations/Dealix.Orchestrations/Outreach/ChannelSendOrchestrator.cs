using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Activities;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Outreach;

/// <summary>
/// Sends one channel's share of a batch, one draft at a time: a draft outside its send window (§10.6: first touches and
/// follow-ups Sun–Thu 09:00–17:00 AST, replies 08:00–22:00) is skipped and stays approved for a later batch; the
/// channel's daily cap is respected; between two provider calls a durable timer keeps the channel's spacing (WhatsApp
/// 6 s = 10 a minute with ≥ 3 s, e-mail and SMS 2 s = 30 a minute). Started by <see cref="SendApprovedBatchOrchestrator"/>.
/// </summary>
[DurableTask(Name)]
public sealed class ChannelSendOrchestrator : TaskOrchestrator<ChannelBatchInput, SendBatchResult>
{
    public const string Name = "ChannelSend";

    public override async Task<SendBatchResult> RunAsync(TaskOrchestrationContext context, ChannelBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ChannelLimit limit = SendRateLimits.For(input.Channel);
        int? allowance = input.DailyAllowance;
        DateTime? lastProviderCall = null;
        var sent = new List<string>();
        var simulated = new List<string>();
        var failed = new List<string>();
        var manual = new List<string>();
        var skipped = new List<SkippedItem>();
        foreach (ApprovedDraftRef draft in input.Drafts)
        {
            if (!SendWindows.IsOpen(draft.Kind, context.CurrentUtcDateTime))
            {
                skipped.Add(new SkippedItem(draft.DraftId, "outside_send_window"));
                continue;
            }

            if (allowance is <= 0)
            {
                skipped.Add(new SkippedItem(draft.DraftId, "daily_limit"));
                continue;
            }

            if (lastProviderCall is { } last && last + limit.Spacing > context.CurrentUtcDateTime)
            {
                await context.CreateTimer(last + limit.Spacing, CancellationToken.None);
            }

            string disposition = await context.CallActivityAsync<string>(SendApprovedDraft.Name,
                new OutboundMessage(input.TenantId, draft.DraftId, draft.DealInstanceId, input.Channel, draft.CorrelationId, draft.AutoApproved), Retries.Storage);
            switch (disposition)
            {
                case SendApprovedDraft.Sent:
                    sent.Add(draft.DraftId);
                    allowance--;
                    lastProviderCall = context.CurrentUtcDateTime;
                    break;
                case "failed":
                case "unknown":
                    failed.Add(draft.DraftId);
                    lastProviderCall = context.CurrentUtcDateTime;
                    break;
                case "simulated":
                    simulated.Add(draft.DraftId);
                    break;
                case "manual_required":
                    manual.Add(draft.DraftId);
                    break;
                default:
                    skipped.Add(new SkippedItem(draft.DraftId, disposition));
                    break;
            }
        }

        return new SendBatchResult(OutreachStatus.Completed, sent, simulated, failed, manual, skipped);
    }
}
