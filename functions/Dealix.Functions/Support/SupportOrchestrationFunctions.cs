using Dealix.Functions.Durable;
using Dealix.Functions.Infrastructure.Support;
using Dealix.Orchestrations.Support;
using Dealix.Orchestrations.Support.Activities;
using Dealix.Orchestrations.Support.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Support;

/// <summary>
/// The support area's orchestrators and activities as functions (see <c>Deals/DealOrchestrationFunctions.cs</c>): each
/// only hands over to the class in <c>orchestrations/Support</c>.
/// </summary>
public static class SupportOrchestrationFunctions
{
    /// <summary>Runs <see cref="SupportTicketOrchestrator"/>: one instance per ticket.</summary>
    [Function(SupportTicketOrchestrator.Name)]
    public static Task<TicketOutcome?> SupportTicket([OrchestrationTrigger] TaskOrchestrationContext context, SupportTicketInput input) =>
        new SupportTicketOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="SlaSweepOrchestrator"/>: one instance per 5-minute tick.</summary>
    [Function(SlaSweepOrchestrator.Name)]
    public static Task<SweepResult> SlaSweep([OrchestrationTrigger] TaskOrchestrationContext context, SlaSweepInput input) =>
        new SlaSweepOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="OpenTicket"/> activity.</summary>
    [Function(OpenTicket.Name)]
    public static Task<TicketSlaView> OpenTicketAsync([ActivityTrigger] OpenTicketInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<OpenTicket, OpenTicketInput, TicketSlaView>(function, instanceId, input);

    /// <summary>Runs the <see cref="RecordTicketEvent"/> activity.</summary>
    [Function(RecordTicketEvent.Name)]
    public static Task<TicketSlaView?> RecordTicketEventAsync([ActivityTrigger] RecordTicketEventInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<RecordTicketEvent, RecordTicketEventInput, TicketSlaView?>(function, instanceId, input);

    /// <summary>Runs the <see cref="ReadTicketSla"/> activity.</summary>
    [Function(ReadTicketSla.Name)]
    public static Task<TicketSlaView?> ReadTicketSlaAsync([ActivityTrigger] TicketRef input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ReadTicketSla, TicketRef, TicketSlaView?>(function, instanceId, input);

    /// <summary>Runs the <see cref="EscalateTicketSla"/> activity.</summary>
    [Function(EscalateTicketSla.Name)]
    public static Task<EscalationResult> EscalateTicketSlaAsync([ActivityTrigger] EscalateTicketInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<EscalateTicketSla, EscalateTicketInput, EscalationResult>(function, instanceId, input);

    /// <summary>Runs the <see cref="StartP0Response"/> activity; it opens the ticket's incident over this function's durable
    /// client (<see cref="DurableIncidentTrigger"/>).</summary>
    [Function(StartP0Response.Name)]
    public static Task<bool> StartP0ResponseAsync([ActivityTrigger] IncidentRequest input, string instanceId, [DurableClient] DurableTaskClient client,
        FunctionContext function) =>
        ActivityFunction.RunWithAsync<StartP0Response, IncidentRequest, bool>(function, instanceId, input,
            new DurableIncidentTrigger(client, function.InstanceServices.GetRequiredService<TimeProvider>()));

    /// <summary>Runs the <see cref="SweepTicketSlas"/> activity.</summary>
    [Function(SweepTicketSlas.Name)]
    public static Task<SweepResult> SweepTicketSlasAsync([ActivityTrigger] string input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SweepTicketSlas, string, SweepResult>(function, instanceId, input);

    /// <summary>Runs the <see cref="SweepApprovalSlas"/> activity.</summary>
    [Function(SweepApprovalSlas.Name)]
    public static Task<SweepResult> SweepApprovalSlasAsync([ActivityTrigger] string input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SweepApprovalSlas, string, SweepResult>(function, instanceId, input);
}
