namespace Dealix.Orchestrations.Content.Contracts;

/// <summary>
/// One piece of a competitor's content, as a monitor (RSS or web, outside this app) reported it through
/// <c>POST /api/v1/marketing/competitor-content</c>: stored per tenant, once per URL.
/// </summary>
/// <param name="TenantId">The tenant whose monitor reported it.</param>
/// <param name="Competitor">The competitor's name as given (trimmed).</param>
/// <param name="Url">The absolute http(s) URL; the item's identity.</param>
/// <param name="Title">The title.</param>
/// <param name="PublishedAt">When the competitor published it (UTC).</param>
/// <param name="Topics">Topic slugs (<c>ai</c>, <c>marketing</c>, <c>saudi_smes</c>, <c>zatca</c>, or others).</param>
/// <param name="ReceivedAt">When it was recorded.</param>
// WARNING: persisted in storage and history; add members only at the end with defaults.
public sealed record CompetitorItem(string TenantId, string Competitor, string Url, string Title, DateTime PublishedAt, IReadOnlyList<string> Topics, DateTime ReceivedAt);
