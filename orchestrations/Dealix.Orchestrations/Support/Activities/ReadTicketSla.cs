using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support.Activities;

/// <summary>Reads a ticket's SLA view from its log (after a route appended an event) and refreshes its row.</summary>
[DurableTask(Name)]
public sealed class ReadTicketSla(TicketSlaRecorder recorder) : TaskActivity<TicketRef, TicketSlaView?>
{
    public const string Name = "ReadTicketSla";

    public override Task<TicketSlaView?> RunAsync(TaskActivityContext context, TicketRef input) =>
        recorder.ProjectAsync(input.TenantId, input.TicketId);
}
