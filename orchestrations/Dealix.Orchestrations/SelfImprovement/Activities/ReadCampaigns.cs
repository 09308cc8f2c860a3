using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement.Activities;

/// <summary>Reads the tenant's campaigns for the marketing loop.</summary>
[DurableTask(Name)]
public sealed class ReadCampaigns(ICampaignStore campaigns) : TaskActivity<string, IReadOnlyList<Campaign>>
{
    public const string Name = "ReadCampaigns";

    public override Task<IReadOnlyList<Campaign>> RunAsync(TaskActivityContext context, string input) => campaigns.ListAsync(input);
}
