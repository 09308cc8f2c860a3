using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support.Activities;

/// <summary>Escalates one lapsed checkpoint of a ticket's SLA clock once (shared with the sweep, see
/// <see cref="TicketEscalator"/>).</summary>
[DurableTask(Name)]
public sealed class EscalateTicketSla(TicketEscalator escalator) : TaskActivity<EscalateTicketInput, EscalationResult>
{
    public const string Name = "EscalateTicketSla";

    public override Task<EscalationResult> RunAsync(TaskActivityContext context, EscalateTicketInput input) =>
        escalator.EscalateAsync(input.TenantId, input.TicketId, input.Checkpoint, input.CorrelationId, "orchestration");
}
