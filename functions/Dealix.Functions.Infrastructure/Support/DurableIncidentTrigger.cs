using Dealix.Functions.Infrastructure.Incidents;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>
/// <see cref="IIncidentTrigger"/> over a <see cref="DurableTaskClient"/>: a P0 ticket's incident is started through
/// <see cref="IncidentLauncher.OpenAsync"/> under its deterministic instance id, so a retried activity, a replayed ticket or
/// a redelivered e-mail finds it open and starts nothing more. The incident runs on its own (a ticket may close, or
/// continue as new, long before the incident does), linked to the ticket by <c>TicketId</c>. The <c>StartP0Response</c>
/// activity gets this trigger over the <c>[DurableClient]</c> of its function, so it works under either host.
/// </summary>
public sealed class DurableIncidentTrigger(DurableTaskClient client, TimeProvider clock) : IIncidentTrigger
{
    public async Task<bool> OpenAsync(IncidentOpenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await IncidentLauncher.OpenAsync(client, request, clock, cancellationToken);
        return true;
    }
}
