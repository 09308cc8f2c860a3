namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>Something a person must do: an open human task (<c>task</c>) or a scheduled customer-success touchpoint (<c>cs</c>).</summary>
public sealed record FollowUpFact(string Source, string Id, string Title, string OwnerRole, DateTimeOffset DueAt, string? SubjectId = null);
