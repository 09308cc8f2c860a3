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
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext function, string instanceId, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        TActivity activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(function.FunctionDefinition.Name, instanceId), input);
    }

    private sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
