namespace Dealix.DurableTask.Client;

/// <summary>One page of results and where the next one starts.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>(IReadOnlyList<T> values, string? continuationToken = null)
{
    /// <summary>The items.</summary>
    public IReadOnlyList<T> Values { get; } = values;

    /// <summary>Token for the next page; null when this is the last.</summary>
    public string? ContinuationToken { get; } = continuationToken;
}
