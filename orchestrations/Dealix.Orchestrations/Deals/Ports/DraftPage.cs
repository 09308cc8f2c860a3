using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>One page of drafts and the token of the next page (null on the last).</summary>
public sealed record DraftPage(IReadOnlyList<ReplyDraft> Items, string? ContinuationToken);
