using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// Extended sessions: the instance row and history of recently run instances as this worker last committed them.
/// A hot instance's next episode starts without any read; if someone else changed the instance meanwhile, the
/// commit's ETag check fails, the entry is dropped and the episode's messages come back to a fresh read.
/// Entries are only trusted for instances of partitions this worker owns: the entries of a partition are dropped when
/// the worker acquires or gives it up (while another worker owned it, the entry may have gone stale), and a client
/// sharing the backend caches a new instance only when its partition is this worker's.
/// </summary>
internal sealed class InstanceCache(int capacity)
{
    private readonly Dictionary<string, (InstanceRow Row, List<HistoryEvent> History, long Used)> _entries = new(StringComparer.Ordinal);
    private long _clock;

    public bool TryGet(string instanceId, out InstanceRow row, out List<HistoryEvent> history)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(instanceId, out var entry))
            {
                _entries[instanceId] = entry with { Used = ++_clock };
                (row, history) = (entry.Row, entry.History);
                return true;
            }
        }

        (row, history) = (null!, []);
        return false;
    }

    public void Set(string instanceId, InstanceRow row, List<HistoryEvent> history)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_entries)
        {
            _entries[instanceId] = (row, history, ++_clock);
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

    /// <summary>
    /// Drops every entry whose instance id matches (those of a control partition this worker acquires or gives up:
    /// another worker may have committed to them meanwhile, or may do so from now on). Returns how many were dropped.
    /// </summary>
    public int RemoveWhere(Func<string, bool> matches)
    {
        lock (_entries)
        {
            List<string> ids = [.. _entries.Keys.Where(matches)];
            foreach (string id in ids)
            {
                _entries.Remove(id);
            }

            return ids.Count;
        }
    }
}
