using Dealix.Orchestrations.Support.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support;

/// <summary>Registers the support area's orchestrators and activities with a worker (the deal area's draft approval,
/// draft, queue and kill-switch activities they use come from <c>AddDeals</c>).</summary>
public static class SupportRegistration
{
    /// <summary>Adds <see cref="SupportTicketOrchestrator"/>, <see cref="SlaSweepOrchestrator"/> and their activities. Their
    /// ports (<c>Support/Ports</c>) and the services of <c>Support/Tracking</c> must be registered as services.</summary>
    public static DurableTaskRegistry AddSupport(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<SupportTicketOrchestrator>()
            .AddOrchestrator<SlaSweepOrchestrator>()
            .AddActivity<OpenTicket>()
            .AddActivity<RecordTicketEvent>()
            .AddActivity<ReadTicketSla>()
            .AddActivity<EscalateTicketSla>()
            .AddActivity<StartP0Response>()
            .AddActivity<SweepTicketSlas>()
            .AddActivity<SweepApprovalSlas>();
    }
}
