namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>CreateReplyDraft</c> activity: the draft to store and, for auto-sends, that it is
/// approved by the §8.6 rule rather than by a person.</summary>
// WARNING: persisted in history.
public sealed record CreateDraftInput(ReplyDraft Draft);
