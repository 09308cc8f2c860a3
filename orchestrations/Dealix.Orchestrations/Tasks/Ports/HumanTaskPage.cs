namespace Dealix.Orchestrations.Tasks.Ports;

/// <summary>One page of tasks and the token of the next page (null on the last).</summary>
public sealed record HumanTaskPage(IReadOnlyList<HumanTask> Items, string? ContinuationToken);
