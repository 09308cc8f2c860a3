using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Ports;

/// <summary>
/// The seam to incident response (§11.2 P0 auto-actions, §13): a P0 ticket asks for incident triage through this port,
/// once per ticket. The default implementation records "incident requested" in the <c>IncidentRequests</c> table; the
/// incident orchestration replaces it (start <c>incident:{tenant}:{ticket}</c> or similar, idempotently).
/// </summary>
public interface IIncidentTrigger
{
    /// <summary>Asks for an incident; true when accepted (or already accepted for this ticket).</summary>
    Task<bool> RequestAsync(IncidentRequest request, CancellationToken cancellationToken = default);
}
