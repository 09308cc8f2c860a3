using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>
/// Classifies one inbound message into a §9.1 category. The deal workflow's view of the reply classifier: an adapter
/// wraps the Replies area's classifier, so the workflow does not depend on how classification is done.
/// </summary>
public interface IReplyClassifier
{
    /// <summary>Classifies <paramref name="text"/>; an opt-out anywhere makes it <c>unsubscribe</c>.</summary>
    Task<MessageClassification> ClassifyAsync(string text, CancellationToken cancellationToken = default);
}
