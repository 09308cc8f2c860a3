using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Replies.Contracts;
using Dealix.Orchestrations.Replies.Rules;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// The deal workflow's <see cref="IReplyClassifier"/> over the Replies area's <see cref="ReplyClassifier"/> (opt-out
/// safety rules first, then the learned model, then <c>unclear</c>). Maps its output to the wire names the workflow
/// stores; <c>auto_reply_allowed</c> and the suggested response come from the classifier's category table.
/// </summary>
public sealed class ReplyClassifierAdapter(ReplyClassifier classifier) : IReplyClassifier
{
    /// <summary>The adapter over the default, embedded-corpus classifier.</summary>
    public ReplyClassifierAdapter()
        : this(ReplyClassifier.Default)
    {
    }

    /// <inheritdoc />
    public Task<MessageClassification> ClassifyAsync(string text, CancellationToken cancellationToken = default)
    {
        ReplyClassification result = classifier.Classify(text);
        ReplyCategoryInfo info = ReplyCategories.For(result.Category);
        return Task.FromResult(new MessageClassification(
            info.WireName, result.Confidence, result.AutoReplyAllowed, result.SuggestedResponse ?? info.Response,
            result.MatchedKeywords, result.Language.ToString().ToLowerInvariant()));
    }
}
