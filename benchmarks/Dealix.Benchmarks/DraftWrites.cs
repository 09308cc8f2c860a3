using System.Collections.Concurrent;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Benchmarks;

/// <summary>Draft writes the workload waits for, keyed by the inbound message id each draft answers.</summary>
internal sealed class DraftWrites
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(ReplyDraft Draft, long WrittenAt)>> _expected = new(StringComparer.Ordinal);

    /// <summary>Registers interest in the draft answering <paramref name="messageId"/>; call before posting the message.</summary>
    public Task<(ReplyDraft Draft, long WrittenAt)> Expect(string messageId) =>
        _expected.GetOrAdd(messageId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string messageId) => _expected.TryRemove(messageId, out _);

    public void Written(ReplyDraft draft, long timestamp)
    {
        // A retried activity writes the same draft again: the first completed write is the one that made it visible.
        if (draft.InReplyToMessageId is { } messageId && _expected.TryRemove(messageId, out var waiter))
        {
            waiter.TrySetResult((draft, timestamp));
        }
    }
}
