using Dealix.Functions.Durable;
using Dealix.Functions.Infrastructure.Reliability;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Deals;

/// <summary>
/// The deal lifecycle's orchestrators and activities as functions: what the Functions host lists in functions.metadata
/// and runs with Microsoft's Durable extension, and what our host runs on the Dealix engine. Each only hands over to
/// the class in <c>orchestrations/Deals</c>; names are those classes' stored names.
/// </summary>
public static class DealOrchestrationFunctions
{
    /// <summary>Runs <see cref="DealLifecycleOrchestrator"/>: one instance per contact.</summary>
    [Function(DealLifecycleOrchestrator.Name)]
    public static Task<DealOutcome?> DealLifecycle([OrchestrationTrigger] TaskOrchestrationContext context, DealState input)
    {
        CrashPoints.Hit("orchestrator:" + DealLifecycleOrchestrator.Name);
        return new DealLifecycleOrchestrator().RunAsync(context, input);
    }

    /// <summary>Runs <see cref="DraftApprovalOrchestrator"/>: waits for an operator's decision on one draft.</summary>
    [Function(DraftApprovalOrchestrator.Name)]
    public static Task<DraftDecision> DraftApproval([OrchestrationTrigger] TaskOrchestrationContext context, DraftApprovalInput input)
    {
        CrashPoints.Hit("orchestrator:" + DraftApprovalOrchestrator.Name);
        return new DraftApprovalOrchestrator().RunAsync(context, input);
    }

    /// <summary>Runs the <see cref="AssembleEvidencePack"/> activity.</summary>
    [Function(AssembleEvidencePack.Name)]
    public static Task<string> AssembleEvidencePackAsync([ActivityTrigger] EvidencePackInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<AssembleEvidencePack, EvidencePackInput, string>(function, instanceId, input);

    /// <summary>Runs the <see cref="CheckContactSuppression"/> activity.</summary>
    [Function(CheckContactSuppression.Name)]
    public static Task<string?> CheckContactSuppressionAsync([ActivityTrigger] SuppressionQuery input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<CheckContactSuppression, SuppressionQuery, string?>(function, instanceId, input);

    /// <summary>Runs the <see cref="CheckKillSwitch"/> activity.</summary>
    [Function(CheckKillSwitch.Name)]
    public static Task<bool> CheckKillSwitchAsync([ActivityTrigger] string input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<CheckKillSwitch, string, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="ClassifyInboundMessage"/> activity.</summary>
    [Function(ClassifyInboundMessage.Name)]
    public static Task<MessageClassification> ClassifyInboundMessageAsync([ActivityTrigger] ClassifyInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ClassifyInboundMessage, ClassifyInput, MessageClassification>(function, instanceId, input);

    /// <summary>Runs the <see cref="CloseDraft"/> activity.</summary>
    [Function(CloseDraft.Name)]
    public static Task<bool> CloseDraftAsync([ActivityTrigger] CloseDraftInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<CloseDraft, CloseDraftInput, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="CreateReplyDraft"/> activity.</summary>
    [Function(CreateReplyDraft.Name)]
    public static Task<ReplyDraft> CreateReplyDraftAsync([ActivityTrigger] CreateDraftInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<CreateReplyDraft, CreateDraftInput, ReplyDraft>(function, instanceId, input);

    /// <summary>Runs the <see cref="DecideStageTransition"/> activity.</summary>
    [Function(DecideStageTransition.Name)]
    public static Task<StageTransition> DecideStageTransitionAsync([ActivityTrigger] TransitionInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<DecideStageTransition, TransitionInput, StageTransition>(function, instanceId, input);

    /// <summary>Runs the <see cref="EvaluateReplyPolicy"/> activity.</summary>
    [Function(EvaluateReplyPolicy.Name)]
    public static Task<ReplyPolicyResult> EvaluateReplyPolicyAsync([ActivityTrigger] ReplyPolicyInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<EvaluateReplyPolicy, ReplyPolicyInput, ReplyPolicyResult>(function, instanceId, input);

    /// <summary>Runs the <see cref="NotifyOperator"/> activity.</summary>
    [Function(NotifyOperator.Name)]
    public static Task<bool> NotifyOperatorAsync([ActivityTrigger] NotifyOperatorInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<NotifyOperator, NotifyOperatorInput, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="OptOutContact"/> activity.</summary>
    [Function(OptOutContact.Name)]
    public static Task<int> OptOutContactAsync([ActivityTrigger] OptOutInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<OptOutContact, OptOutInput, int>(function, instanceId, input);

    /// <summary>Runs the <see cref="QueueOutboundMessage"/> activity.</summary>
    [Function(QueueOutboundMessage.Name)]
    public static Task<bool> QueueOutboundMessageAsync([ActivityTrigger] OutboundMessage input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<QueueOutboundMessage, OutboundMessage, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="RecordAudit"/> activity.</summary>
    [Function(RecordAudit.Name)]
    public static Task<bool> RecordAuditAsync([ActivityTrigger] RecordAuditInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<RecordAudit, RecordAuditInput, bool>(function, instanceId, input);
}
