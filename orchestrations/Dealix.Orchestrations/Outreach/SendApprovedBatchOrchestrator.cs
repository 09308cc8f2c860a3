using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Activities;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Outreach;

/// <summary>
/// Send-approved-batch (§10.6, §20) for one tenant: the kill switch first, then up to N approved drafts (default 50,
/// at most 100), fanned out per channel to a <see cref="ChannelSendOrchestrator"/> each, which paces that channel
/// within its rate limits and send windows. The result is §10.6's <c>{sent, failed, manual_required, skipped}</c>
/// (plus <c>simulated</c> while live sending is off). Started by the scheduled run (Sun–Thu 09:15 and 13:15 AST) or
/// <c>POST /api/v1/drafts/send-approved-batch</c>. Each draft still goes out at most once (the sender's claim).
/// </summary>
[DurableTask(Name)]
public sealed class SendApprovedBatchOrchestrator : TaskOrchestrator<OutreachRunInput, SendBatchResult>
{
    public const string Name = "SendApprovedBatch";

    public override async Task<SendBatchResult> RunAsync(TaskOrchestrationContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<SendApprovedBatchOrchestrator>();
        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, input.TenantId, Retries.Storage))
        {
            log.RunSkippedPaused(context.InstanceId, input.TenantId, input.CorrelationId);
            return SendBatchResult.Empty(OutreachStatus.SkippedPaused);
        }

        ApprovedBatch batch = await context.CallActivityAsync<ApprovedBatch>(ListApprovedDrafts.Name, input, Retries.Storage);
        var channels = new List<Task<SendBatchResult>>();
        foreach (IGrouping<MessageChannel, ApprovedDraftRef> group in batch.Drafts.GroupBy(d => d.Channel).OrderBy(g => g.Key))
        {
            int? perDay = SendRateLimits.For(group.Key).PerDay;
            int? allowance = perDay is { } cap ? Math.Max(0, cap - (group.Key == MessageChannel.Email ? batch.EmailSentToday : 0)) : null;
            channels.Add(context.CallSubOrchestratorAsync<SendBatchResult>(ChannelSendOrchestrator.Name,
                new ChannelBatchInput(input.TenantId, group.Key, [.. group], allowance),
                new SubOrchestrationOptions(instanceId: $"{context.InstanceId}:{Wire(group.Key)}")));
        }

        SendBatchResult result = SendBatchResult.Empty(OutreachStatus.Completed);
        foreach (SendBatchResult channel in await Task.WhenAll(channels))
        {
            result = result.Plus(channel);
        }

        log.BatchCompleted(context.InstanceId, input.TenantId, result.Sent.Count, result.Skipped.Count, input.CorrelationId);
        return result;
    }

    internal static string Wire(MessageChannel channel) => System.Text.Json.JsonSerializer.Serialize(channel).Trim('"');
}
