namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>
/// An operator's report that the incident is <c>contained</c> or <c>resolved</c> (raised as
/// <see cref="IncidentEvents.StatusChanged"/>). <c>Note</c> is a short status line for the next customer update.
/// </summary>
// WARNING: persisted in history.
public sealed record IncidentStatusChange(string Status, string By, DateTime At, string? Note = null)
{
    public const string Contained = "contained";
    public const string Resolved = "resolved";
}
