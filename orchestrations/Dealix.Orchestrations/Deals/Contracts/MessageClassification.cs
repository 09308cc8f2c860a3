namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// What the classifier said about one inbound message (§9.2 "Output"), reduced to what the deal workflow needs.
/// <see cref="Category"/> is a <see cref="ReplyIntent"/> wire name.
/// </summary>
// WARNING: persisted in history (activity result).
public sealed record MessageClassification(
    string Category,
    double Confidence,
    bool AutoReplyAllowed,
    string? SuggestedResponse,
    IReadOnlyList<string> MatchedKeywords,
    string Language = "ar")
{
    /// <summary>True when the message is an opt-out.</summary>
    public bool IsOptOut => Category == ReplyIntent.Unsubscribe;
}
