namespace Dealix.Orchestrations.Incidents;

/// <summary>External event names of the incident area (plan steps arrive as the human-task contract's events).</summary>
// WARNING: stored in history and used by the incident routes; never change a value.
public static class IncidentEvents
{
    /// <summary>To an incident instance: contained or resolved (<see cref="Contracts.IncidentStatusChange"/>).</summary>
    public const string StatusChanged = "IncidentStatusChanged";

    /// <summary>
    /// To an incident instance: the founder lifts the freeze (<see cref="Contracts.IncidentStatusChange"/> with status
    /// <c>unfrozen</c>). Raised only by the founder-only unfreeze route: completing the unfreeze task through the task API
    /// (which any operator key of the tenant may do) lifts nothing.
    /// </summary>
    public const string Unfreeze = "IncidentUnfreeze";
}
