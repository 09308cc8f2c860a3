using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Dealix.Benchmarks;

/// <summary>
/// What allocates, by type, without an external tracer: the runtime's GCAllocationTick event (one about every 100 KB
/// allocated, naming the type of the object that crossed the mark) read in process by an <see cref="EventListener"/>.
/// Sampled, so only types with a large share are reliable; the listener itself allocates a little per event.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int GCAllocationTick = 10;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    /// <summary>Sampled bytes by type name since the last <see cref="Reset"/>.</summary>
    public IReadOnlyDictionary<string, long> Bytes => _bytes;

    public void Start()
    {
        _bytes.Clear();
        _on = true;
    }

    public void Stop() => _on = false;

    public void Reset() => _bytes.Clear();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventId != GCAllocationTick || e.PayloadNames is null || e.Payload is null)
        {
            return;
        }

        int typeIndex = e.PayloadNames.IndexOf("TypeName");
        int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0)
        {
            return;
        }

        string type = e.Payload[typeIndex] as string ?? "?";
        long amount = Convert.ToInt64(e.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
    }
}
