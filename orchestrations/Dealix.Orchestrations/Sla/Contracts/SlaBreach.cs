using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Sla.Contracts;

/// <summary>
/// The SLA position of one ticket at an instant (§12.2): both targets with elapsed time and status. The
/// ticket is breached when either target is.
/// </summary>
public sealed record SlaBreach(
    string TicketId,
    TicketPriority Priority,
    DateTime OpenedAt,
    TimeSpan FirstResponseTarget,
    TimeSpan? FirstResponseTime,
    SlaTargetStatus FirstResponse,
    TimeSpan ResolutionTarget,
    TimeSpan ResolutionElapsed,
    SlaTargetStatus Resolution,
    bool IsOpen)
{
    /// <summary>True when either target is breached.</summary>
    public bool IsBreached => FirstResponse == SlaTargetStatus.Breached || Resolution == SlaTargetStatus.Breached;
}
