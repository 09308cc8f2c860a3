using Dealix.Orchestrations.Incidents;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Infrastructure.Incidents;

/// <summary>What opening an incident did: its instance id, and whether this call started it (false: it was already open).</summary>
public sealed record IncidentLaunch(string InstanceId, bool Started);

/// <summary>
/// The one way to open an incident from code (the operator route, the uptime rule, a P0 ticket): validates the request
/// and starts <see cref="IncidentResponseOrchestrator"/> under <c>incident:{tenant}:{incidentId}</c>, or finds the one
/// already running, so opening twice is harmless. From an orchestration (e.g. a P0 ticket's), call the orchestrator as a
/// sub-orchestration with the same id instead:
/// <code>
/// context.CallSubOrchestratorAsync&lt;IncidentState&gt;(IncidentResponseOrchestrator.Name, request,
///     new SubOrchestrationOptions(instanceId: IncidentKeys.InstanceId(request.Tenant, request.IncidentId)));
/// </code>
/// (not awaited if the ticket should not wait for the incident to close). The ticket's P0 → incident mapping is
/// <c>Source = IncidentSources.Ticket</c>, <c>TicketId</c> set, the ticket's correlation id and its detection time.
/// </summary>
public static class IncidentLauncher
{
    /// <summary>Starts the incident unless it is already open.</summary>
    /// <exception cref="ArgumentException">The request is not valid (the message says why).</exception>
    public static async Task<IncidentLaunch> OpenAsync(DurableTaskClient client, IncidentOpenRequest request, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(clock);
        if (IncidentRequests.Problem(request, clock.GetUtcNow().UtcDateTime) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        string instanceId = IncidentKeys.InstanceId(request.Tenant, request.IncidentId);
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return new IncidentLaunch(instanceId, Started: false);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(IncidentResponseOrchestrator.Name, request, new StartOrchestrationOptions(instanceId), cancellationToken);
            return new IncidentLaunch(instanceId, Started: true);
        }
        catch (InvalidOperationException)
        {
            // A concurrent open won the race (each engine reports an existing instance as its own InvalidOperationException).
            if (await client.GetInstanceAsync(instanceId, CancellationToken.None) is null)
            {
                throw;
            }

            return new IncidentLaunch(instanceId, Started: false);
        }
    }
}
