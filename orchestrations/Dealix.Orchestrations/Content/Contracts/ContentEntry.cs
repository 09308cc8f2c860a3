namespace Dealix.Orchestrations.Content.Contracts;

/// <summary>
/// One entry of a tenant's content calendar (§17.3 weekly content): a suggested social post for an ISO week, stored as
/// a <c>draft</c> for review; an operator approves it (<c>scheduled</c>: ready to post, never published by the app: no
/// social provider exists here), rejects it, edits its text (the gate runs again) or marks it a top post.
/// </summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="EntryId">The id, <c>{week}-{slot}</c> (e.g. <c>2026W49-3</c>).</param>
/// <param name="Week">The ISO week <c>yyyyWww</c> the post is for.</param>
/// <param name="Slot">1–5 within the week.</param>
/// <param name="Topic">One of <see cref="Rules.ContentTopics.All"/>.</param>
/// <param name="TemplateId">The template the text came from (<c>edited</c> once a human rewrote it).</param>
/// <param name="Text">The post (Arabic, the Dealix brand voice).</param>
/// <param name="Status"><c>draft</c>, <c>scheduled</c> or <c>rejected</c> (<see cref="Rules.ContentStatus"/>).</param>
/// <param name="Inspiration">Which stored facts chose the post (for the reviewer).</param>
/// <param name="CreatedAt">When it was suggested.</param>
/// <param name="UpdatedAt">The last change.</param>
/// <param name="ReviewedBy">Who approved, rejected or edited it last.</param>
/// <param name="Note">The rejection reason, when rejected.</param>
/// <param name="Top">Marked as a top-performing post (inspiration for later weeks).</param>
/// <param name="Warnings">Soft warnings of the gate (tone), shown to the reviewer.</param>
// WARNING: persisted in storage and history; add members only at the end with defaults.
public sealed record ContentEntry(
    string TenantId,
    string EntryId,
    string Week,
    int Slot,
    string Topic,
    string TemplateId,
    string Text,
    string Status,
    string Inspiration,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? ReviewedBy = null,
    string? Note = null,
    bool Top = false,
    IReadOnlyList<string>? Warnings = null);
