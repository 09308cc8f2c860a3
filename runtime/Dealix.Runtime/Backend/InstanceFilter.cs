
namespace Dealix.Runtime.Backend;

/// <summary>A backend-level instance query (one page).</summary>
/// <param name="CreatedFrom">Created at or after.</param>
/// <param name="CreatedTo">Created at or before.</param>
/// <param name="Statuses">Any of these (all when null or empty).</param>
/// <param name="InstanceIdPrefix">Ids starting with this (ordinal).</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="ContinuationToken">Opaque token from the previous page.</param>
public sealed record InstanceFilter(
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null,
    string? InstanceIdPrefix = null,
    int PageSize = 100,
    string? ContinuationToken = null)
{
    /// <summary>True when <paramref name="state"/> passes the filter (paging aside).</summary>
    public bool Matches(InstanceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return (CreatedFrom is null || state.CreatedAt >= CreatedFrom)
            && (CreatedTo is null || state.CreatedAt <= CreatedTo)
            && (Statuses is null || Statuses.Count == 0 || Statuses.Contains(state.Status))
            && (InstanceIdPrefix is null || state.InstanceId.StartsWith(InstanceIdPrefix, StringComparison.Ordinal));
    }
}

/// <summary>One page of instance states.</summary>
/// <param name="Instances">The rows.</param>
/// <param name="ContinuationToken">Token for the next page, or null.</param>
public sealed record InstancePage(IReadOnlyList<InstanceState> Instances, string? ContinuationToken);
