namespace Dealix.DurableTask;

/// <summary>
/// What went wrong in an activity, a sub-orchestration or an orchestration: the exception type, message and stack,
/// with the inner failure nested. Survives serialization, unlike the exception itself.
/// </summary>
/// <param name="ErrorType">Full name of the exception type (or a runtime error code such as <c>NonDeterminismError</c>).</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace, when known.</param>
/// <param name="InnerFailure">The inner failure, when there was one.</param>
/// <param name="Properties">Extra properties, when any.</param>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null,
    IDictionary<string, object?>? Properties = null)
{
    /// <summary>True when the failure (not its inner failures) was an exception assignable to <typeparamref name="T"/>.</summary>
    public bool IsCausedBy<T>() where T : Exception => IsCausedBy(typeof(T));

    /// <summary>True when the failure was an exception assignable to <paramref name="exceptionType"/>.</summary>
    public bool IsCausedBy(Type exceptionType)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        if (string.Equals(ErrorType, exceptionType.FullName, StringComparison.Ordinal))
        {
            return true;
        }

        Type? failed = ResolveType(ErrorType);
        return failed is not null && exceptionType.IsAssignableFrom(failed);
    }

    /// <summary>Captures an exception, recursively over its inner exceptions.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is TaskFailedException taskFailed)
        {
            // Keep the remote failure visible: the orchestration failed because the task failed.
            return new TaskFailureDetails(
                typeof(TaskFailedException).FullName!, taskFailed.Message, taskFailed.StackTrace, taskFailed.FailureDetails);
        }

        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";

    private static Type? ResolveType(string typeName)
    {
        Type? type = Type.GetType(typeName, throwOnError: false);
        if (type is not null)
        {
            return type;
        }

        foreach (System.Reflection.Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            type = assembly.GetType(typeName, throwOnError: false);
            if (type is not null)
            {
                return type;
            }
        }

        return null;
    }
}
