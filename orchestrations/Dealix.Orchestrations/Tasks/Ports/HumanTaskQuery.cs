namespace Dealix.Orchestrations.Tasks.Ports;

/// <summary>Filters for listing one tenant's tasks; null filters match everything.</summary>
public sealed record HumanTaskQuery(string? Status = null, string? Area = null, string? OwnerRole = null, int PageSize = 50,
    string? ContinuationToken = null);
