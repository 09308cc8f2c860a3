namespace Dealix.DurableTask.Client;

/// <summary>Which ended instances to purge.</summary>
/// <param name="CreatedFrom">Created at or after.</param>
/// <param name="CreatedTo">Created at or before.</param>
/// <param name="Statuses">Any of these terminal statuses (all terminal ones when null).</param>
public sealed record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null)
{
    /// <summary>Stop after this long and report <see cref="PurgeResult.IsComplete"/> false.</summary>
    public TimeSpan? Timeout { get; init; }
}
