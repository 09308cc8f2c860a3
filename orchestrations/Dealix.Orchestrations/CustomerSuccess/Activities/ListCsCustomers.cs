using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess.Activities;

/// <summary>Every customer under a cadence, for the daily at-risk sweep (input ignored).</summary>
[DurableTask(Name)]
public sealed class ListCsCustomers(ICustomerSuccessStore store) : TaskActivity<string?, List<CsCustomerRef>>
{
    public const string Name = "ListCsCustomers";

    public override async Task<List<CsCustomerRef>> RunAsync(TaskActivityContext context, string? input) =>
        [.. (await store.ListCustomersAsync()).Select(c => new CsCustomerRef(c.Tenant, c.CustomerId))];
}
