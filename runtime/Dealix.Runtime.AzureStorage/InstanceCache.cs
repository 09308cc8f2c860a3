using Azure;
using Dealix.DurableTask.Backend;

namespace Dealix.DurableTask.AzureStorage;

/// <summary>
/// Extended sessions: the history of recently run instances, keyed by the instance row's ETag after the last
/// commit. A different ETag on the next lock means someone else changed the instance, and the history is reloaded.
/// </summary>
internal sealed class InstanceCache(int capacity)
{
    private readonly Dictionary<string, (ETag ETag, string ExecutionId, List<HistoryEvent> History, long Used)> _entries = new(StringComparer.Ordinal);
    private long _clock;

    public bool TryGet(string instanceId, ETag etag, string executionId, out List<HistoryEvent> history)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(instanceId, out var entry) && entry.ETag == etag && entry.ExecutionId == executionId)
            {
                _entries[instanceId] = entry with { Used = ++_clock };
                history = entry.History;
                return true;
            }
        }

        history = [];
        return false;
    }

    public void Set(string instanceId, ETag etag, string executionId, List<HistoryEvent> history)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_entries)
        {
            _entries[instanceId] = (etag, executionId, history, ++_clock);
            if (_entries.Count > capacity)
            {
                // Evict the least recently used quarter in one pass.
                foreach (string id in _entries.OrderBy(e => e.Value.Used).Take(Math.Max(1, capacity / 4)).Select(e => e.Key).ToList())
                {
                    _entries.Remove(id);
                }
            }
        }
    }

    public void Remove(string instanceId)
    {
        lock (_entries)
        {
            _entries.Remove(instanceId);
        }
    }
}
