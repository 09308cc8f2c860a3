using Dealix.Orchestrations.CustomerSuccess.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess;

/// <summary>Registers the customer-success orchestrators and activities with a worker.</summary>
public static class CustomerSuccessRegistration
{
    /// <summary>Adds the cadence, the daily at-risk sweep, the CS scheduler and their activities. They also call
    /// <c>CheckKillSwitch</c> and <c>RecordAudit</c> (deals), <c>CreateHumanTask</c> (tasks) and <c>SendOperatorAlert</c>
    /// (notifications), registered by those areas; <c>ICustomerSuccessStore</c> must be a service.</summary>
    public static DurableTaskRegistry AddCustomerSuccess(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<CustomerSuccessCadenceOrchestrator>()
            .AddOrchestrator<CustomerSuccessAtRiskSweepOrchestrator>()
            .AddOrchestrator<CustomerSuccessSchedulerOrchestrator>()
            .AddActivity<SaveCsCustomer>()
            .AddActivity<RecordCsTouchpoints>()
            .AddActivity<PrepareCsTouchpoint>()
            .AddActivity<RunCsHandoff>()
            .AddActivity<ScoreCustomerRisk>()
            .AddActivity<ListCsCustomers>()
            .AddActivity<ListDueCsTouchpoints>();
    }
}
