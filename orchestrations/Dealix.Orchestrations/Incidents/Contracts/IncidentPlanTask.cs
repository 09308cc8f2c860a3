namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>
/// One step of an incident's plan as its owner sees it: a canonical §13.2 step or a §13.3 step of the severity.
/// <c>Key</c> is stable within the incident (the task id is made from it); <c>Unfreeze</c> marks the founder's
/// decision to lift the freeze.
/// </summary>
public sealed record IncidentPlanTask(string Key, string Title, string OwnerRole, DateTime DueAt, bool Unfreeze = false);
