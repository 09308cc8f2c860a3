using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Durable;
using Dealix.Runtime.Hosting.Http;
using Dealix.Runtime.Hosting.Management;
using Dealix.Runtime.Hosting.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Invocation;

/// <summary>
/// Invokes a function method: creates its class through DI (per invocation, in its own scope), binds each parameter
/// (the worker's <see cref="HttpRequestData"/>, trigger, <see cref="FunctionContext"/>, <see cref="CancellationToken"/>, <c>[DurableClient]</c>, the HTTP request,
/// trigger metadata by name, then services), applies the function timeout and unwraps the returned task.
/// </summary>
internal sealed class FunctionInvoker(IServiceProvider services, FunctionsHostOptions options, ILoggerFactory loggers)
{
    /// <summary>Runs a trigger-started function (HTTP, timer, queue) with the host's timeout and telemetry.</summary>
    public async Task<object?> InvokeAsync(FunctionDescriptor function, InvocationInput input, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (options.FunctionTimeout is { } after)
        {
            timeout.CancelAfter(after);
        }

        await using AsyncServiceScope scope = services.CreateAsyncScope();
        var context = new HostFunctionContext(function, scope.ServiceProvider, input.BindingData, timeout.Token);
        if (input.HttpContext is { } http)
        {
            context.Features.Set<IHttpRequestDataFeature>(new HttpRequestDataFeature(http.Request));
        }

        using Activity? activity = FunctionsTelemetry.Source.StartActivity($"Invoke {function.Name}", ActivityKind.Internal);
        activity?.SetTag("faas.name", function.Name);
        activity?.SetTag("faas.trigger", FunctionsTelemetry.TriggerOf(function.Kind));
        activity?.SetTag("faas.invocation_id", context.InvocationId);
        ILogger log = loggers.CreateLogger("Host.Function");
        long started = Stopwatch.GetTimestamp();
        Log.Executing(log, function.Name, context.InvocationId);
        string outcome = "success";
        try
        {
            Task<object?> run = CallAsync(function, scope.ServiceProvider, context, input);
            object? result = await run.WaitAsync(timeout.Token);
            double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Executed(log, function.Name, context.InvocationId, elapsed);
            return result;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            outcome = "timeout";
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            Log.TimedOut(log, function.Name, context.InvocationId, options.FunctionTimeout ?? TimeSpan.Zero);
            throw new TimeoutException($"Function '{function.Name}' exceeded the function timeout of {options.FunctionTimeout} (host.json functionTimeout).");
        }
        catch (Exception e)
        {
            outcome = "failure";
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            FunctionsTelemetry.Invocations.Add(1, new("faas.name", function.Name), new("outcome", outcome));
            FunctionsTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("faas.name", function.Name));
        }
    }

    /// <summary>Binds and calls the method in the given services, without timeout (orchestrators and activities).</summary>
    public Task<object?> CallAsync(FunctionDescriptor function, IServiceProvider scopeServices, FunctionContext context, InvocationInput input)
    {
        object? instance = function.Method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(scopeServices, function.Method.DeclaringType!);
        ParameterInfo[] parameters = function.Method.GetParameters();
        object?[] arguments = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Bind(function, parameters[i], scopeServices, context, input);
        }

        object? returned;
        try
        {
            returned = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        return MethodResults.AwaitAsync(returned);
    }

    private object? Bind(FunctionDescriptor function, ParameterInfo parameter, IServiceProvider scopeServices, FunctionContext context, InvocationInput input)
    {
        Type type = parameter.ParameterType;

        // The worker's HTTP model, trigger or not: one request object per invocation, over the ASP.NET Core request.
        if (type == typeof(HttpRequestData) && context.Features.Get<IHttpRequestDataFeature>() is HttpRequestDataFeature requestData)
        {
            return requestData.For(context);
        }

        if (parameter.Position == function.TriggerParameter.Position)
        {
            return input.Trigger(parameter);
        }

        if (type == typeof(FunctionContext))
        {
            return context;
        }

        if (type == typeof(CancellationToken))
        {
            return context.CancellationToken;
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is { } durable)
        {
            var client = scopeServices.GetRequiredService<DurableTaskClient>();
            if (durable.TaskHub is { Length: > 0 } hub && !string.Equals(hub, client.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Function '{function.Name}' asks for task hub '{hub}'; this host serves '{client.Name}'.");
            }

            return FunctionsClientFactory.For(
                client, scopeServices.GetRequiredService<ManagementUrls>(), input.HttpContext?.Request, $"http://localhost:{options.Port}");
        }

        foreach (object ambient in input.Ambient)
        {
            if (type.IsInstanceOfType(ambient))
            {
                return ambient;
            }
        }

        if (input.HttpContext is { } http)
        {
            if (type == typeof(HttpRequest))
            {
                return http.Request;
            }

            if (type == typeof(HttpContext))
            {
                return http;
            }

            if (http.Request.RouteValues.TryGetValue(parameter.Name!, out object? routeValue))
            {
                return Convert(routeValue, type, parameter.Name!);
            }
        }

        if (type == typeof(ILogger))
        {
            return loggers.CreateLogger($"Function.{function.Name}");
        }

        if (parameter.Name is { } name && input.BindingData.TryGetValue(name, out object? data))
        {
            return Convert(data, type, name);
        }

        if (scopeServices.GetService(type) is { } service)
        {
            return service;
        }

        return parameter.HasDefaultValue ? parameter.DefaultValue : null;
    }

    private static object? Convert(object? value, Type type, string name)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }

        Type target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            string text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            if (target == typeof(Guid))
            {
                return Guid.Parse(text);
            }

            if (target == typeof(DateTimeOffset))
            {
                return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            }

            if (target.IsEnum)
            {
                return Enum.Parse(target, text, ignoreCase: true);
            }

            return System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new TriggerBindingException($"'{name}' value '{value}' is not a valid {target.Name}.", e);
        }
    }
}
