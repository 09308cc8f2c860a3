using Dealix.Functions.Infrastructure.Reliability;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Durable;

/// <summary>
/// Runs a class-based activity from its <c>[ActivityTrigger]</c> function, as the Durable Task source generator's
/// output does: the activity is created from the invocation's services, with a context that names it and its instance.
/// </summary>
internal static class ActivityFunction
{
    /// <summary>Creates <typeparamref name="TActivity"/> with its dependencies and runs it on <paramref name="input"/>.</summary>
    /// <remarks>Crash points (RELIABILITY.md) <c>activity.before:{name}</c> and <c>activity.after:{name}</c>: after the
    /// side effect, before the engine records the result.</remarks>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext function, string instanceId, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        TActivity activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices);
        return RunAsync(activity, function, instanceId, input);
    }

    /// <summary>Creates <typeparamref name="TActivity"/> with <paramref name="arguments"/> (e.g. what its function's bindings
    /// gave, such as a port over the <c>[DurableClient]</c>) and the rest from the invocation's services, and runs it.</summary>
    public static Task<TOutput> RunWithAsync<TActivity, TInput, TOutput>(FunctionContext function, string instanceId, TInput input, params object[] arguments)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        TActivity activity = ActivatorUtilities.CreateInstance<TActivity>(function.InstanceServices, arguments);
        return RunAsync(activity, function, instanceId, input);
    }

    private static Task<TOutput> RunAsync<TInput, TOutput>(TaskActivity<TInput, TOutput> activity, FunctionContext function, string instanceId, TInput input)
    {
        var context = new FunctionActivityContext(function.FunctionDefinition.Name, instanceId);
        return CrashPoints.IsArmed ? WithCrashPointsAsync(activity, context, input) : activity.RunAsync(context, input);
    }

    private static async Task<TOutput> WithCrashPointsAsync<TInput, TOutput>(TaskActivity<TInput, TOutput> activity, FunctionActivityContext context, TInput input)
    {
        CrashPoints.Hit($"activity.before:{context.Name.Name}");
        TOutput output = await activity.RunAsync(context, input);
        CrashPoints.Hit($"activity.after:{context.Name.Name}");
        return output;
    }

    private sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
