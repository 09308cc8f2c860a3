namespace Dealix.Orchestrations.Replies.Contracts;

/// <summary>
/// What a category means for the workflow (§9.1): whether an auto-reply is allowed, the pre-written Gulf-dialect
/// response (null for <c>out_of_office</c>, which gets none), and the system actions.
/// </summary>
public sealed record ReplyCategoryInfo(
    ReplyCategory Category,
    string WireName,
    bool AutoReplyAllowed,
    string? Response,
    IReadOnlyList<string> Actions);
