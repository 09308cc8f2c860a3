using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.EndToEndTests.Observability;

/// <summary>
/// Everything the app writes to logs (message, structured values, scopes, exception) through an in-memory
/// <see cref="ILoggerProvider"/>, and every span of the process (name, tags, events, baggage, status) through an
/// <see cref="ActivityListener"/> that samples all sources.
/// </summary>
public sealed class TelemetryCapture : ILoggerProvider, ISupportExternalScope, IDisposable
{
    private readonly ActivityListener _listener;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public TelemetryCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>One line per log record: category, level, message, every structured value, scopes and exception.</summary>
    public ConcurrentQueue<string> LogLines { get; } = new();

    /// <summary>One line per finished span: source, name, every tag, event, baggage item and status.</summary>
    public ConcurrentQueue<string> Spans { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        var line = new List<string> { activity.Source.Name, activity.OperationName, activity.DisplayName, activity.StatusDescription ?? string.Empty };
        line.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        line.AddRange(activity.Baggage.Select(b => $"{b.Key}={b.Value}"));
        foreach (ActivityEvent e in activity.Events)
        {
            line.Add(e.Name);
            line.AddRange(e.Tags.Select(t => $"{t.Key}={t.Value}"));
        }

        Spans.Enqueue(string.Join(" | ", line));
    }

    private sealed class CapturingLogger(TelemetryCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new List<string> { category, logLevel.ToString(), formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            capture._scopes.ForEachScope((scope, l) =>
            {
                l.Add(scope?.ToString() ?? string.Empty);
                if (scope is IEnumerable<KeyValuePair<string, object?>> scoped)
                {
                    l.AddRange(scoped.Select(v => $"{v.Key}={v.Value}"));
                }
            }, line);
            if (exception is not null)
            {
                line.Add(exception.ToString());
            }

            capture.LogLines.Enqueue(string.Join("|", line.Take(2)) + "| " + string.Join(" | ", line.Skip(2)));
        }
    }
}
