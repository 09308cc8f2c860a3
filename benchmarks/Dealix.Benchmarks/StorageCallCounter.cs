using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Dealix.Benchmarks;

/// <summary>
/// Counts every HTTP request the process sends to storage, by service (port) and method, from .NET's own
/// <c>System.Net.Http</c> metrics: nothing in the engine is instrumented for the benchmark, and SDK retries count.
/// </summary>
internal sealed class StorageCallCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentDictionary<string, double> _seconds = new();
    private readonly IReadOnlyDictionary<int, string> _services;

    public StorageCallCounter(IReadOnlyDictionary<int, string> servicesByPort)
    {
        _services = servicesByPort;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts);

    /// <summary>Mean request duration in milliseconds, by the same keys as <see cref="Snapshot"/>.</summary>
    public IReadOnlyDictionary<string, double> MeanMilliseconds() => _counts.ToDictionary(
        kv => kv.Key, kv => Math.Round(_seconds.GetValueOrDefault(kv.Key) * 1000 / Math.Max(1, kv.Value), 2));

    public void Reset()
    {
        _counts.Clear();
        _seconds.Clear();
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        int port = 0;
        string method = "?";
        string address = "?";
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == "server.port" && tag.Value is int p)
            {
                port = p;
            }
            else if (tag.Key == "http.request.method" && tag.Value is string m)
            {
                method = m;
            }
            else if (tag.Key == "server.address" && tag.Value is string a)
            {
                address = a;
            }
        }

        if (_services.TryGetValue(port, out string? service))
        {
            // The worker talks to 127.0.0.1 and the benchmark's client to localhost, so their calls count apart.
            string who = address == "localhost" ? "client" : "worker";
            _counts.AddOrUpdate($"{who} {service} {method}", 1, (_, n) => n + 1);
            _seconds.AddOrUpdate($"{who} {service} {method}", value, (_, total) => total + value);
        }
    }
}
