using System.Text.Json;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>Maps <c>[HttpTrigger]</c> functions to routes under the route prefix, behind their key check.</summary>
internal static class HttpFunctionEndpoints
{
    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionDescriptor> functions, FunctionsHostOptions options)
    {
        foreach (FunctionDescriptor function in functions.Where(f => f.Kind == FunctionKind.Http))
        {
            string route = RouteOf(function, options);
            string[] methods = function.Http!.Methods is { Length: > 0 } declared ? [.. declared.Select(m => m.ToUpperInvariant())] : AllMethods;
            endpoints.MapMethods(route, methods, (HttpContext http) => HandleAsync(http, function))
                .WithName(function.Name)
                .WithDisplayName($"Function {function.Name}");
        }
    }

    /// <summary>The route of an HTTP function: <c>/{routePrefix}/{Route ?? name}</c>.</summary>
    public static string RouteOf(FunctionDescriptor function, FunctionsHostOptions options)
    {
        string route = (function.Http!.Route ?? function.Name).Trim('/');
        return string.IsNullOrEmpty(options.RoutePrefix) ? $"/{route}" : $"/{options.RoutePrefix}/{route}";
    }

    private static async Task HandleAsync(HttpContext http, FunctionDescriptor function)
    {
        IServiceProvider services = http.RequestServices;
        ILogger log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Host.Http");
        FunctionsHostOptions options = services.GetRequiredService<FunctionsHostOptions>();
        AuthorizationLevel level = function.Http!.AuthLevel == AuthorizationLevel.User ? AuthorizationLevel.Function : function.Http.AuthLevel;

        // Behind the Functions host (custom handler) the host has already checked the key of the function's level.
        if (!options.IsCustomHandler && services.GetRequiredService<HostKeys>().Check(level, function.Name, HostKeys.Presented(http.Request)) is { } reason)
        {
            Log.Unauthorized(log, http.Request.Path, reason);
            CloseIfBodyCannotBeDrained(http, options);
            await Problems.Unauthorized(reason).ExecuteAsync(http);
            return;
        }

        if (http.Request.ContentLength > options.MaxRequestBodySize)
        {
            CloseIfBodyCannotBeDrained(http, options);
            await Problems.TooLarge(options.MaxRequestBodySize).ExecuteAsync(http);
            return;
        }

        object? result;
        try
        {
            result = await services.GetRequiredService<FunctionInvoker>().InvokeAsync(
                function,
                new InvocationInput { Trigger = _ => http.Request, HttpContext = http },
                http.RequestAborted);
        }
        catch (TriggerBindingException e)
        {
            await Problems.BadRequest(e.Message).ExecuteAsync(http);
            return;
        }
        catch (BadHttpRequestException e)
        {
            http.Response.Headers.Connection = "close"; // the rest of the body is unread: the connection cannot carry another request
            await (e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.TooLarge(options.MaxRequestBodySize)
                : Problems.Of(e.StatusCode, "Bad request", e.Message)).ExecuteAsync(http);
            return;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            Log.FunctionFailed(log, e, function.Name);
            if (!http.Response.HasStarted)
            {
                await Problems.ServerError().ExecuteAsync(http);
            }

            return;
        }

        await WriteAsync(http, result);
    }

    private static async Task WriteAsync(HttpContext http, object? result)
    {
        switch (result)
        {
            case IResult executable:
                await executable.ExecuteAsync(http);
                break;
            case HttpResponseData response:
                await HostHttpResponseData.WriteToAsync(response, http);
                break;
            case null:
                break;
            case string text:
                http.Response.ContentType ??= "text/plain; charset=utf-8";
                await http.Response.WriteAsync(text, http.RequestAborted);
                break;
            case byte[] bytes:
                http.Response.ContentType ??= "application/octet-stream";
                await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
                break;
            default:
                http.Response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(http.Response.Body, result, result.GetType(), WebJsonDataConverter.Options, http.RequestAborted);
                break;
        }
    }

    /// <summary>
    /// Answering before reading a body that is over the limit leaves Kestrel unable to drain it, so it drops the
    /// connection after the response; saying so (<c>Connection: close</c>) keeps the client from sending its next
    /// request on a connection that is about to close.
    /// </summary>
    private static void CloseIfBodyCannotBeDrained(HttpContext http, FunctionsHostOptions options)
    {
        bool overLimit = http.Request.ContentLength > options.MaxRequestBodySize;
        bool unknownLength = http.Request.ContentLength is null && http.Request.Headers.TransferEncoding.Count > 0;
        if (overLimit || unknownLength)
        {
            http.Response.Headers.Connection = "close";
        }
    }
}
