using Dealix.Functions.Durable;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach;
using Dealix.Orchestrations.Outreach.Activities;
using Dealix.Orchestrations.Outreach.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Outreach;

/// <summary>The outreach orchestrators and activities as functions (names are the classes' stored names).</summary>
public static class OutreachOrchestrationFunctions
{
    /// <summary>Runs <see cref="DailyPipelineOrchestrator"/>: one tenant's daily pipeline.</summary>
    [Function(DailyPipelineOrchestrator.Name)]
    public static Task<DailyPipelineResult> DailyPipeline([OrchestrationTrigger] TaskOrchestrationContext context, OutreachRunInput input) =>
        new DailyPipelineOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="SendApprovedBatchOrchestrator"/>: one tenant's send-approved-batch.</summary>
    [Function(SendApprovedBatchOrchestrator.Name)]
    public static Task<SendBatchResult> SendApprovedBatch([OrchestrationTrigger] TaskOrchestrationContext context, OutreachRunInput input) =>
        new SendApprovedBatchOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="ChannelSendOrchestrator"/>: one channel of a batch, paced.</summary>
    [Function(ChannelSendOrchestrator.Name)]
    public static Task<SendBatchResult> ChannelSend([OrchestrationTrigger] TaskOrchestrationContext context, ChannelBatchInput input) =>
        new ChannelSendOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="SelectDailyTargets"/> activity.</summary>
    [Function(SelectDailyTargets.Name)]
    public static Task<TargetingResult> SelectDailyTargetsAsync([ActivityTrigger] OutreachRunInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SelectDailyTargets, OutreachRunInput, TargetingResult>(function, instanceId, input);

    /// <summary>Runs the <see cref="PrepareOutreachDraft"/> activity.</summary>
    [Function(PrepareOutreachDraft.Name)]
    public static Task<PreparedDraft> PrepareOutreachDraftAsync([ActivityTrigger] PrepareDraftInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<PrepareOutreachDraft, PrepareDraftInput, PreparedDraft>(function, instanceId, input);

    /// <summary>Runs the <see cref="ListApprovedDrafts"/> activity.</summary>
    [Function(ListApprovedDrafts.Name)]
    public static Task<ApprovedBatch> ListApprovedDraftsAsync([ActivityTrigger] OutreachRunInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ListApprovedDrafts, OutreachRunInput, ApprovedBatch>(function, instanceId, input);

    /// <summary>Runs the <see cref="SendApprovedDraft"/> activity.</summary>
    [Function(SendApprovedDraft.Name)]
    public static Task<string> SendApprovedDraftAsync([ActivityTrigger] OutboundMessage input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SendApprovedDraft, OutboundMessage, string>(function, instanceId, input);
}
