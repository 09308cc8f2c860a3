using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Replies.Contracts;

/// <summary>
/// The output of reply classification (§9.2 "Output"). <see cref="Source"/> says which layer decided:
/// <c>rules</c> (opt-out safety rules, confidence 1), <c>model</c> (the learned classifier), <c>model_safety</c>
/// (the model read an opt-out: treated as one, the safe side), <c>second_opinion</c> or <c>fallback</c> (unclear).
/// </summary>
public sealed record ReplyClassification(
    ReplyCategory Category,
    IReadOnlyList<string> MatchedKeywords,
    TextLanguage Language,
    bool AutoReplyAllowed,
    string? SuggestedResponse,
    IReadOnlyList<string> Actions,
    double Confidence,
    string Source,
    string? ModelVersion,
    ReplyCategory? ModelSuggestion = null);
