namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// A message Dealix proposes to send, as stored in the <c>Drafts</c> table (tenant id = partition key, draft id = row
/// key). The draft id is the send's idempotency key: a draft is sent at most once. The approval request of §4.3 is
/// this row (approval id = draft id).
/// </summary>
// WARNING: persisted in history (activity input) and in storage.
public sealed record ReplyDraft
{
    public required string DraftId { get; init; }
    public required string TenantId { get; init; }
    public required string DealInstanceId { get; init; }
    public required string ContactId { get; init; }
    public required MessageChannel Channel { get; init; }

    /// <summary>The recipient's number or address (personal data: never logged).</summary>
    public required string To { get; init; }

    /// <summary>The text to send (personal data: never logged).</summary>
    public required string Text { get; init; }
    public string? Subject { get; init; }
    public required DraftKind Kind { get; init; }
    public required string Category { get; init; }
    public required DealStage Stage { get; init; }

    /// <summary>A move into an approval stage that approving this draft also approves.</summary>
    public DealStage? ProposedStage { get; init; }
    public required DraftStatus Status { get; init; }
    public required string CorrelationId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public bool AutoApproved { get; init; }

    /// <summary>The operator the approval is assigned to; callback tokens are bound to them.</summary>
    public string? AssignedOperator { get; init; }
    public string? Reviewer { get; init; }
    public DateTime? DecidedAt { get; init; }
    public string? DecisionReason { get; init; }

    /// <summary>The provider's message id once sent.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The inbound message this draft answers, when it is a reply.</summary>
    public string? InReplyToMessageId { get; init; }

    /// <summary>The outbox sender's claim while <c>sending</c>: who claimed (one id per attempt) and when.</summary>
    public string? ClaimId { get; init; }

    /// <summary>When the current claim was taken.</summary>
    public DateTime? ClaimedAt { get; init; }

    /// <summary>Set just before the provider call of the current claim: from then on the provider may have the message.</summary>
    public DateTime? DispatchedAt { get; init; }

    /// <summary>How many claims were taken (provider calls attempted or abandoned before the call).</summary>
    public int SendAttempts { get; init; }

    /// <summary>When the outbox recovery last re-queued this approved draft.</summary>
    public DateTime? RecoveredAt { get; init; }

    /// <summary>
    /// For WhatsApp outside the 24-hour window (§7.2): the approved template message to send instead of
    /// <see cref="Text"/>, which then holds a readable preview for the approver.
    /// </summary>
    public WhatsAppTemplate? Template { get; init; }

    /// <summary>
    /// The compliance verdict of §10.3 computed for this draft when it was proposed (<c>allowed</c>, <c>warn</c>):
    /// decision support for the approver (§4.5). Null on drafts stored before it was kept.
    /// </summary>
    public string? Compliance { get; init; }

    /// <summary>Why the reply policy (§8.6) did not send it automatically, with the compliance reasons: why it was flagged.</summary>
    public IReadOnlyList<string>? PolicyReasons { get; init; }

    /// <summary>For replies: the keywords the classifier matched in the inbound message (§4.5), and its confidence.</summary>
    public IReadOnlyList<string>? MatchedKeywords { get; init; }

    /// <summary>The classifier's confidence for <see cref="Category"/>, for replies.</summary>
    public double? IntentConfidence { get; init; }
}
