using Dealix.Orchestrations.Outreach.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Outreach;

/// <summary>Registers the outreach area's orchestrators and activities with a worker (next to <c>AddDeals</c>, whose
/// approval orchestrator, kill-switch and audit activities it uses).</summary>
public static class OutreachRegistration
{
    /// <summary>Adds the daily pipeline, send-approved-batch and their activities; their ports (<c>Outreach/Ports</c>)
    /// must be registered as services.</summary>
    public static DurableTaskRegistry AddOutreach(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<DailyPipelineOrchestrator>()
            .AddOrchestrator<SendApprovedBatchOrchestrator>()
            .AddOrchestrator<ChannelSendOrchestrator>()
            .AddActivity<SelectDailyTargets>()
            .AddActivity<PrepareOutreachDraft>()
            .AddActivity<ListApprovedDrafts>()
            .AddActivity<SendApprovedDraft>();
    }
}
