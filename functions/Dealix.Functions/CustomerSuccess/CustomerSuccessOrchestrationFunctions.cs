using Dealix.Functions.Durable;
using Dealix.Orchestrations.CustomerSuccess;
using Dealix.Orchestrations.CustomerSuccess.Activities;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.CustomerSuccess;

/// <summary>The customer-success orchestrators and activities as functions (see <c>DealOrchestrationFunctions</c>): each
/// only hands over to its class in <c>orchestrations/CustomerSuccess</c>, under that class's stored name.</summary>
public static class CustomerSuccessOrchestrationFunctions
{
    /// <summary>Runs <see cref="CustomerSuccessCadenceOrchestrator"/>: one instance per customer.</summary>
    [Function(CustomerSuccessCadenceOrchestrator.Name)]
    public static Task<CadenceStatus?> Cadence([OrchestrationTrigger] TaskOrchestrationContext context, CustomerSuccessCadenceInput input) =>
        new CustomerSuccessCadenceOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="CustomerSuccessAtRiskSweepOrchestrator"/>: the daily at-risk scoring.</summary>
    [Function(CustomerSuccessAtRiskSweepOrchestrator.Name)]
    public static Task<CsJobResult> AtRiskSweep([OrchestrationTrigger] TaskOrchestrationContext context, CsJobInput input) =>
        new CustomerSuccessAtRiskSweepOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="CustomerSuccessSchedulerOrchestrator"/>: the Sun–Thu CS agenda.</summary>
    [Function(CustomerSuccessSchedulerOrchestrator.Name)]
    public static Task<CsJobResult> Scheduler([OrchestrationTrigger] TaskOrchestrationContext context, CsJobInput input) =>
        new CustomerSuccessSchedulerOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="SaveCsCustomer"/> activity.</summary>
    [Function(SaveCsCustomer.Name)]
    public static Task<bool> SaveCsCustomerAsync([ActivityTrigger] CsCustomer input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SaveCsCustomer, CsCustomer, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="RecordCsTouchpoints"/> activity.</summary>
    [Function(RecordCsTouchpoints.Name)]
    public static Task<int> RecordCsTouchpointsAsync([ActivityTrigger] RecordTouchpointsInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<RecordCsTouchpoints, RecordTouchpointsInput, int>(function, instanceId, input);

    /// <summary>Runs the <see cref="PrepareCsTouchpoint"/> activity.</summary>
    [Function(PrepareCsTouchpoint.Name)]
    public static Task<TouchpointBrief> PrepareCsTouchpointAsync([ActivityTrigger] PrepareTouchpointInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<PrepareCsTouchpoint, PrepareTouchpointInput, TouchpointBrief>(function, instanceId, input);

    /// <summary>Runs the <see cref="RunCsHandoff"/> activity.</summary>
    [Function(RunCsHandoff.Name)]
    public static Task<HandoffResult> RunCsHandoffAsync([ActivityTrigger] HandoffInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<RunCsHandoff, HandoffInput, HandoffResult>(function, instanceId, input);

    /// <summary>Runs the <see cref="ScoreCustomerRisk"/> activity.</summary>
    [Function(ScoreCustomerRisk.Name)]
    public static Task<CsScore?> ScoreCustomerRiskAsync([ActivityTrigger] ScoreRiskInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ScoreCustomerRisk, ScoreRiskInput, CsScore?>(function, instanceId, input);

    /// <summary>Runs the <see cref="ListCsCustomers"/> activity.</summary>
    [Function(ListCsCustomers.Name)]
    public static Task<List<CsCustomerRef>> ListCsCustomersAsync([ActivityTrigger] string? input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ListCsCustomers, string?, List<CsCustomerRef>>(function, instanceId, input);

    /// <summary>Runs the <see cref="ListDueCsTouchpoints"/> activity.</summary>
    [Function(ListDueCsTouchpoints.Name)]
    public static Task<List<CsTouchpointRecord>> ListDueCsTouchpointsAsync([ActivityTrigger] CsJobInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ListDueCsTouchpoints, CsJobInput, List<CsTouchpointRecord>>(function, instanceId, input);
}
