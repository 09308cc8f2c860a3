using System.Text.Json;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Http;
using Dealix.Runtime.Hosting.Invocation;
using Dealix.Runtime.Hosting.Management;
using Dealix.Runtime.Hosting.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.CustomHandler;

/// <summary>
/// In custom-handler mode the Functions host runs the timers and polls the queues, and invokes each function with
/// <c>POST /{functionName}</c> and an <see cref="InvocationRequest"/>; the answer is an <see cref="InvocationResponse"/>
/// (a non-2xx status tells the host the invocation failed, so it retries or poisons the queue message itself).
/// </summary>
internal static class CustomHandlerEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionDescriptor> functions)
    {
        foreach (FunctionDescriptor function in functions.Where(f => f.Kind is FunctionKind.Timer or FunctionKind.Queue))
        {
            endpoints.MapPost($"/{function.Name}", (HttpContext http) => InvokeAsync(http, function));
        }
    }

    /// <summary>Binds an invocation request to the function's trigger; throws <see cref="TriggerBindingException"/> on bad data.</summary>
    public static InvocationInput Bind(FunctionDescriptor function, InvocationRequest request)
    {
        string bindingName = function.TriggerParameter.Name ?? "trigger";
        JsonElement data = request.Trigger(bindingName)
            ?? throw new TriggerBindingException($"The invocation request has no Data entry for the trigger binding '{bindingName}'.");
        Dictionary<string, object?> metadata = request.BindingData();
        if (function.Kind == FunctionKind.Timer)
        {
            var info = InvocationRequest.ReadTimer(data);
            return new InvocationInput { Trigger = _ => info, BindingData = metadata };
        }

        string body = InvocationRequest.ReadQueueBody(data);
        metadata["QueueTrigger"] = body;
        return new InvocationInput { Trigger = p => QueueBinding.Convert(p, body, null), BindingData = metadata };
    }

    private static async Task InvokeAsync(HttpContext http, FunctionDescriptor function)
    {
        FunctionsHostOptions options = http.RequestServices.GetRequiredService<FunctionsHostOptions>();
        (string? body, IResult? tooLarge) = await RequestBodies.ReadTextAsync(http.Request, options.MaxRequestBodySize, http.RequestAborted);
        if (tooLarge is not null)
        {
            await tooLarge.ExecuteAsync(http);
            return;
        }

        InvocationInput input;
        try
        {
            input = Bind(function, InvocationRequest.Parse(body ?? string.Empty));
        }
        catch (Exception e) when (e is JsonException or TriggerBindingException)
        {
            await new JsonResponse(StatusCodes.Status400BadRequest, new InvocationResponse([], [$"Bad invocation request: {e.Message}"], null)).ExecuteAsync(http);
            return;
        }

        try
        {
            object? result = await http.RequestServices.GetRequiredService<FunctionInvoker>().InvokeAsync(function, input, http.RequestAborted);
            await new JsonResponse(StatusCodes.Status200OK, new InvocationResponse([], [], result)).ExecuteAsync(http);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            Log.FunctionFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Host.CustomHandler"), e, function.Name);
            await new JsonResponse(StatusCodes.Status500InternalServerError, new InvocationResponse([], [$"{function.Name} failed: {e.GetType().Name}: {e.Message}"], null)).ExecuteAsync(http);
        }
    }
}
