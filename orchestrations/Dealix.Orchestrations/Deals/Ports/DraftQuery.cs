using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>Filters and paging for listing drafts (the approval center).</summary>
/// <remarks>
/// <para><c>ContinuationToken</c>: Opaque token from the previous page.</para>
/// </remarks>
public sealed record DraftQuery(
    DraftStatus? Status = null,
    MessageChannel? Channel = null,
    DealStage? Stage = null,
    string? ContactId = null,
    int PageSize = 50,
    string? ContinuationToken = null);
