using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Invocation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Durable;

/// <summary>Registers <c>[OrchestrationTrigger]</c> and <c>[ActivityTrigger]</c> functions as durable tasks.</summary>
internal static class FunctionTasks
{
    public static void Register(TaskCatalog registry, IEnumerable<FunctionDescriptor> functions, Func<IServiceProvider, FunctionInvoker> invoker)
    {
        foreach (FunctionDescriptor function in functions)
        {
            if (function.Kind == FunctionKind.Orchestration)
            {
                registry.AddOrchestrator(function.Name, services => new FunctionOrchestrator(function, invoker(services), services));
            }
            else if (function.Kind == FunctionKind.Activity)
            {
                registry.AddActivity(function.Name, services => new FunctionActivity(function, invoker(services), services));
            }
        }
    }

    /// <summary>The parameter that receives an orchestrator function's input (any besides the context and ambient types).</summary>
    internal static ParameterInfo? InputParameter(FunctionDescriptor function) =>
        function.Method.GetParameters().FirstOrDefault(p =>
            p.Position != function.TriggerParameter.Position
            && p.ParameterType != typeof(FunctionContext)
            && p.ParameterType != typeof(CancellationToken)
            && p.ParameterType != typeof(ILogger)
            && p.GetCustomAttribute<DurableClientAttribute>() is null);

    private sealed class FunctionOrchestrator(FunctionDescriptor function, FunctionInvoker invoker, IServiceProvider services) : ITaskOrchestrator
    {
        private readonly ParameterInfo? _input = InputParameter(function);

        public Type InputType => _input?.ParameterType ?? typeof(object);

        public Type OutputType => function.ResultType == typeof(void) ? typeof(object) : function.ResultType;

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["instanceId"] = context.InstanceId };
            if (_input?.Name is { } name)
            {
                data[name] = input;
            }

            var functionContext = new HostFunctionContext(function, services, data, CancellationToken.None);
            return invoker.CallAsync(function, services, functionContext, new InvocationInput
            {
                Trigger = _ => context,
                BindingData = data,
                Ambient = [context],
            });
        }
    }

    private sealed class FunctionActivity(FunctionDescriptor function, FunctionInvoker invoker, IServiceProvider services) : ITaskActivity
    {
        public Type InputType => function.TriggerParameter.ParameterType;

        public Type OutputType => function.ResultType == typeof(void) ? typeof(object) : function.ResultType;

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["instanceId"] = context.InstanceId };
            var functionContext = new HostFunctionContext(function, scope.ServiceProvider, data, CancellationToken.None);
            return await invoker.CallAsync(function, scope.ServiceProvider, functionContext, new InvocationInput
            {
                Trigger = _ => input,
                BindingData = data,
                Ambient = [context],
            });
        }
    }
}
