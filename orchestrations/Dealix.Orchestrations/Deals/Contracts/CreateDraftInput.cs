namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>CreateReplyDraft</c> activity: the draft to store and, for auto-sends, that it is
/// approved by the §8.6 rule rather than by a person.</summary>
/// <remarks>
/// <para><c>IdempotencyKey</c>: made by the orchestrator for this call (see <see cref="Lifecycle.DealKeys.IdempotencyKey"/>);
/// a retry re-sends the same input, so every attempt writes under the same key.</para>
/// </remarks>
// WARNING: persisted in history.
public sealed record CreateDraftInput(ReplyDraft Draft, string IdempotencyKey);
