using Dealix.Orchestrations.Scheduling.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Scheduling.Activities;

/// <summary>Lists the tenants a scheduled job runs for. Input: the job's name.</summary>
[DurableTask(Name)]
public sealed class ListScheduledTenants(ITenantDirectory tenants) : TaskActivity<string, IReadOnlyList<string>>
{
    public const string Name = "ListScheduledTenants";

    public override Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string input) => tenants.ListAsync(input);
}
