namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>One row of the priority table: owners, SLA targets and the Arabic first-response template.</summary>
public sealed record PriorityTier(
    TicketPriority Priority,
    string Meaning,
    IReadOnlyList<string> Owners,
    TimeSpan FirstResponseTarget,
    TimeSpan ResolutionTarget,
    string FirstResponseTemplate);
