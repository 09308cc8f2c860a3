using System.Reflection;

namespace Dealix.Runtime.Hosting.Invocation;

/// <summary>Unwraps what a function method returns: a value, or a Task/ValueTask of one.</summary>
internal static class MethodResults
{
    public static Type ResultTypeOf(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return typeof(void);
        }

        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return returnType.GetGenericArguments()[0];
        }

        return returnType;
    }

    /// <summary>Awaits <paramref name="returned"/> when it is a task and yields its result (null for void tasks).</summary>
    public static async Task<object?> AwaitAsync(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task;
                return ResultOf(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                Type type = returned.GetType();
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    await asTask;
                    return ResultOf(asTask);
                }

                return returned;
        }
    }

    private static object? ResultOf(Task task)
    {
        Type type = task.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        PropertyInfo? result = type.GetProperty(nameof(Task<int>.Result));

        // Task<VoidTaskResult> (an async Task method's runtime type) has a Result of an internal type: not a value.
        return result is null || result.PropertyType.FullName == "System.Threading.Tasks.VoidTaskResult" ? null : result.GetValue(task);
    }
}
