using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Onboarding.Activities;

/// <summary>Decides the §6.6 troubleshooting and §5.3 recovery of one failed connector (the task and alert to raise).</summary>
[DurableTask(Name)]
public sealed class TroubleshootConnector : TaskActivity<ConnectorRecord, TroubleshootPlan>
{
    public const string Name = "TroubleshootConnector";

    public override Task<TroubleshootPlan> RunAsync(TaskActivityContext context, ConnectorRecord input) =>
        Task.FromResult(ConnectorTroubleshooting.PlanFor(input));
}
