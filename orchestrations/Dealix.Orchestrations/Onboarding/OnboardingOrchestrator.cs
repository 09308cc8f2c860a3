using Dealix.Orchestrations.Onboarding.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Onboarding;

/// <summary>
/// One customer's Pilot onboarding (DOMAIN.md §5, §20) as <c>onboarding:{tenantId}:{customerId}</c>, started when the
/// deal enters <c>pilot_active</c> or by an operator. Runs the 8 steps in order along the 5-business-day plan: customer
/// inputs arrive as <see cref="OnboardingEvents.StepInput"/> events from the API; steps 2, 4, 5, 6 and 7 wait for an
/// approval in the approval center (<see cref="OnboardingApprovalOrchestrator"/>); the connector gate (§6.4) must be
/// open before the first service; the kick-off call, the first service run, the Proof Pack delivery and the review
/// meeting are human tasks; a customer who keeps a step waiting is reminded about after 1 business day and escalated
/// after 2, and no Proof Pack by the end of day 5 flags the onboarding at risk for the founder (§5.5). Failed
/// connectors, a missing list and a failed risk review take the recovery paths of §5.3 (the last one stops
/// onboarding). It completes only when the §5.4 criteria hold, after starting the customer-success cadence. The
/// checklist is the custom status. Never sends anything to the customer.
/// </summary>
[DurableTask(Name)]
public sealed class OnboardingOrchestrator : TaskOrchestrator<OnboardingInput, OnboardingStatus>
{
    public const string Name = "CustomerOnboarding";

    public override Task<OnboardingStatus> RunAsync(TaskOrchestrationContext context, OnboardingInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new OnboardingRun(context, input).RunAsync();
    }
}
