using Dealix.Orchestrations.Onboarding.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Onboarding;

/// <summary>Registers the onboarding area's orchestrators and activities with a worker.</summary>
public static class OnboardingRegistration
{
    /// <summary>
    /// Adds <see cref="OnboardingOrchestrator"/>, <see cref="OnboardingApprovalOrchestrator"/> and the connector and
    /// start activities. They also call the deal area's <c>CreateReplyDraft</c> and <c>RecordAudit</c>, the human-task
    /// and operator-alert activities; their ports (<c>Onboarding/Ports</c>) must be registered as services.
    /// </summary>
    public static DurableTaskRegistry AddOnboarding(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<OnboardingOrchestrator>()
            .AddOrchestrator<OnboardingApprovalOrchestrator>()
            .AddActivity<ReadConnectorGate>()
            .AddActivity<RunConnectorAcceptanceTest>()
            .AddActivity<TroubleshootConnector>()
            .AddActivity<StartOrchestrationOnce>();
    }
}
