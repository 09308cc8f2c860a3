using Dealix.Orchestrations.SelfImprovement.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement;

/// <summary>
/// Registers the self-improvement loops' orchestrators and activities (needs <c>ICampaignStore</c>, <c>IKillSwitch</c>,
/// <c>IAuditLedger</c>, <c>IReportFactsSource</c>, and the deal, onboarding, reports, human-task and notification activities they call).
/// </summary>
public static class SelfImprovementRegistration
{
    /// <summary>Adds the loops.</summary>
    public static DurableTaskRegistry AddSelfImprovement(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<MarketingLoopOrchestrator>()
            .AddOrchestrator<LoopApprovalOrchestrator>()
            .AddOrchestrator<ProductLoopDailyDigestOrchestrator>()
            .AddActivity<ReadProductFindings>()
            .AddOrchestrator<AuditExportOrchestrator>()
            .AddActivity<ExportAuditDay>()
            .AddActivity<ReadCampaigns>()
            .AddActivity<ApplyLoopAction>();
    }
}
