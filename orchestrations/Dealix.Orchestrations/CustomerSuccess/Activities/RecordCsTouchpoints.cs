using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess.Activities;

/// <summary>Stores a cadence month's touchpoints as scheduled (those already stored keep their status), for the API
/// and the daily CS scheduler.</summary>
[DurableTask(Name)]
public sealed class RecordCsTouchpoints(ICustomerSuccessStore store) : TaskActivity<RecordTouchpointsInput, int>
{
    public const string Name = "RecordCsTouchpoints";

    public override async Task<int> RunAsync(TaskActivityContext context, RecordTouchpointsInput input)
    {
        await store.AddTouchpointsAsync(input.Tenant, input.CustomerId, input.Touchpoints);
        return input.Touchpoints.Count;
    }
}
