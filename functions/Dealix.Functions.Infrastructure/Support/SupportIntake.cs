using Dealix.Orchestrations.Support;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>Starts a ticket's workflow under <c>ticket:{tenant}:{ticket}</c> (durable before the caller is answered);
/// an instance that already exists is the same ticket taken in before.</summary>
public static class SupportIntake
{
    /// <summary>True when this call started the ticket, false when it existed.</summary>
    public static async Task<bool> StartAsync(DurableTaskClient client, SupportTicketInput ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(ticket);
        string instanceId = TicketKeys.InstanceId(ticket.TenantId, ticket.TicketId);
        if (await client.GetInstanceAsync(instanceId, false, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(SupportTicketOrchestrator.Name, ticket, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }
}
