using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Connectors;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals;

/// <summary>Registers the deal area's orchestrators and activities with a worker.</summary>
public static class DealsRegistration
{
    /// <summary>Adds <see cref="DealLifecycleOrchestrator"/>, <see cref="DraftApprovalOrchestrator"/> and their activities.
    /// Their ports (<c>Deals/Ports</c>) must be registered as services.</summary>
    public static DurableTaskRegistry AddDeals(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<DealLifecycleOrchestrator>()
            .AddOrchestrator<DraftApprovalOrchestrator>()
            .AddActivity<ClassifyInboundMessage>()
            .AddActivity<DecideStageTransition>()
            .AddActivity<CheckContactSuppression>()
            .AddActivity<EvaluateReplyPolicy>()
            .AddActivity<CreateReplyDraft>()
            .AddActivity<QueueOutboundMessage>()
            .AddActivity<OptOutContact>()
            .AddActivity<CloseDraft>()
            .AddActivity<NotifyOperator>()
            .AddActivity<RecordAudit>()
            .AddActivity<CheckKillSwitch>()
            .AddActivity<AssembleEvidencePack>()
            .AddDealConnectors();
    }
}
