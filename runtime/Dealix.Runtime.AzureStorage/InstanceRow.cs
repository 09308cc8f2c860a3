using Azure;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// The authoritative instance row (RowKey <c>!instance</c> in the instance's History partition) as read, with the
/// ETag every commit is guarded by.
/// </summary>
internal sealed class InstanceRow
{
    public required InstanceState State { get; init; }

    public required string ExecutionId { get; init; }

    /// <summary>How many history rows of the current execution are committed; rows past it are invisible.</summary>
    public required int HistoryRows { get; init; }

    /// <summary>Recently consumed message ids, oldest first.</summary>
    public required IReadOnlyList<string> Processed { get; init; }

    public required ETag ETag { get; init; }
}
