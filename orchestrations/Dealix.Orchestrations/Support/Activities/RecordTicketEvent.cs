using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support.Activities;

/// <summary>Appends an SLA event the workflow itself observed (the approved first response went out) and returns the
/// ticket's view after it; an event the log rejects (already answered) leaves the log as it is.</summary>
[DurableTask(Name)]
public sealed class RecordTicketEvent(TicketSlaRecorder recorder) : TaskActivity<RecordTicketEventInput, TicketSlaView?>
{
    public const string Name = "RecordTicketEvent";

    public override async Task<TicketSlaView?> RunAsync(TaskActivityContext context, RecordTicketEventInput input)
    {
        (_, TicketSlaView? view) = await recorder.RecordAsync(input.Event, input.IdempotencyKey);
        return view ?? await recorder.ProjectAsync(input.Event.TenantId, input.Event.TicketId);
    }
}
