namespace Dealix.Orchestrations.Support;

/// <summary>External event names of the support area.</summary>
// WARNING: stored in history and used by the routes; never change a value.
public static class SupportEvents
{
    /// <summary>To a ticket instance: an SLA event was appended to its log by a route (<see cref="Sla.Contracts.SlaEvent"/>).</summary>
    public const string SlaEventRecorded = "SlaEventRecorded";
}
