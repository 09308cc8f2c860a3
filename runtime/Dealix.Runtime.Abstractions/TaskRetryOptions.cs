namespace Dealix.DurableTask;

/// <summary>Either a declarative <see cref="RetryPolicy"/> or a custom handler.</summary>
public sealed class TaskRetryOptions
{
    /// <summary>Retries by policy.</summary>
    public TaskRetryOptions(RetryPolicy policy)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <summary>Retries by custom handler.</summary>
    public TaskRetryOptions(AsyncRetryHandler handler)
    {
        Handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    /// <summary>The declarative policy, if any.</summary>
    public RetryPolicy? Policy { get; }

    /// <summary>The custom handler, if any.</summary>
    public AsyncRetryHandler? Handler { get; }

    /// <summary>Wraps a policy.</summary>
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => FromRetryPolicy(policy);

    /// <summary>Wraps an asynchronous handler.</summary>
    public static implicit operator TaskRetryOptions(AsyncRetryHandler handler) => FromRetryHandler(handler);

    /// <summary>Wraps a synchronous handler.</summary>
    public static implicit operator TaskRetryOptions(RetryHandler handler) => FromRetryHandler(handler);

    /// <summary>Wraps a policy.</summary>
    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    /// <summary>Wraps an asynchronous handler.</summary>
    public static TaskRetryOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);

    /// <summary>Wraps a synchronous handler.</summary>
    public static TaskRetryOptions FromRetryHandler(RetryHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new TaskRetryOptions(context => Task.FromResult(handler(context)));
    }
}
