namespace Dealix.DurableTask.Client;

/// <summary>A filter over instances, with paging.</summary>
/// <param name="CreatedFrom">Created at or after.</param>
/// <param name="CreatedTo">Created at or before.</param>
/// <param name="Statuses">Any of these statuses (all when null or empty).</param>
/// <param name="TaskHubNames">Unused by this engine (one hub per client); kept for parity.</param>
/// <param name="InstanceIdPrefix">Instance ids starting with this (ordinal).</param>
/// <param name="PageSize">Rows per page (1..1000).</param>
/// <param name="FetchInputsAndOutputs">Include inputs, outputs and custom status.</param>
/// <param name="ContinuationToken">Where the previous page stopped.</param>
public sealed record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    IEnumerable<string>? TaskHubNames = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 100;
}
