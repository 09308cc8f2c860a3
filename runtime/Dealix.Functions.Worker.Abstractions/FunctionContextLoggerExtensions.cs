using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Azure.Functions.Worker;

/// <summary>Loggers for function code, as in the isolated worker.</summary>
public static class FunctionContextLoggerExtensions
{
    /// <summary>A logger of category <typeparamref name="T"/>.</summary>
    public static ILogger<T> GetLogger<T>(this FunctionContext context) =>
        context.InstanceServices.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;

    /// <summary>A logger of the given category.</summary>
    public static ILogger GetLogger(this FunctionContext context, string categoryName) =>
        context.InstanceServices.GetService<ILoggerFactory>()?.CreateLogger(categoryName) ?? NullLogger.Instance;
}
