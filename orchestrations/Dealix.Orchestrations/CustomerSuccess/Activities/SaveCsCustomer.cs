using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess.Activities;

/// <summary>Stores the customer's cadence record (bundle, activation, renewal date, instance), so the daily jobs find it.</summary>
[DurableTask(Name)]
public sealed class SaveCsCustomer(ICustomerSuccessStore store) : TaskActivity<CsCustomer, bool>
{
    public const string Name = "SaveCsCustomer";

    public override async Task<bool> RunAsync(TaskActivityContext context, CsCustomer input)
    {
        await store.SaveCustomerAsync(input);
        return true;
    }
}
