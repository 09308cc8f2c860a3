using Microsoft.Extensions.Logging;

namespace Dealix.DurableTask;

/// <summary>Wraps a logger factory so that its loggers are silent while the orchestration replays.</summary>
internal sealed class ReplaySafeLoggerFactory(TaskOrchestrationContext context, ILoggerFactory inner) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public ILogger CreateLogger(string categoryName) => new ReplaySafeLogger(context, inner.CreateLogger(categoryName));

    public void Dispose()
    {
        // The inner factory belongs to the host.
    }

    private sealed class ReplaySafeLogger(TaskOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
