#pragma warning disable CS0618 // The SDK marks ContinuedAsNew obsolete as a client-visible status; the engine still names an episode that continued as new with it.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Management;

/// <summary>
/// The Durable Functions HTTP management API under <c>/runtime/webhooks/durabletask</c>: the same routes, query
/// parameters, payload field names and status codes. Every request needs the system key; every request is validated
/// before anything is stored, and errors Durable Functions leaves undefined are answered with ProblemDetails.
/// </summary>
/// <remarks>
/// Everything goes through the official <see cref="DurableTaskClient"/> of the provider in effect. The history of an
/// instance (<c>showHistory</c>) comes from the Dealix engine's <see cref="BackendDurableTaskClient"/>; on the
/// <c>AzureStorage</c> provider there is none, and such a request is answered 501 with the reason.
/// </remarks>
internal sealed partial class DurableManagementApi(
    DurableTaskClient client,
    TaskCatalog registry,
    ManagementUrls urls,
    HostKeys keys,
    FunctionsHostOptions options,
    ILogger<DurableManagementApi> log,
    BackendDurableTaskClient? engine = null,
    IOrchestrationBackend? backend = null)
{
    private static readonly OrchestrationRuntimeStatus[] Ended =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Canceled];

    private static readonly string[] ActiveStatuses =
        [nameof(OrchestrationRuntimeStatus.Pending), nameof(OrchestrationRuntimeStatus.Running), nameof(OrchestrationRuntimeStatus.Suspended)];

    /// <summary>Maps the API at <paramref name="basePath"/>.</summary>
    public static void Map(IEndpointRouteBuilder endpoints, string basePath)
    {
        RouteGroupBuilder api = endpoints.MapGroup(basePath);
        api.AddEndpointFilter(async (context, next) =>
        {
            DurableManagementApi self = context.HttpContext.RequestServices.GetApi();
            return await self.GuardAsync(context.HttpContext, () => next(context).AsTask());
        });
        api.MapPost("/orchestrators/{functionName}/{instanceId?}", (HttpContext http, string functionName, string? instanceId) =>
            http.RequestServices.GetApi().StartAsync(http, functionName, instanceId));
        api.MapGet("/instances/{instanceId}", (HttpContext http, string instanceId) => http.RequestServices.GetApi().StatusAsync(http, instanceId));
        api.MapGet("/instances", (Func<HttpContext, Task<IResult>>)(http => http.RequestServices.GetApi().ListAsync(http)));
        api.MapDelete("/instances/{instanceId}", (HttpContext http, string instanceId) => http.RequestServices.GetApi().PurgeAsync(http, instanceId));
        api.MapDelete("/instances", (Func<HttpContext, Task<IResult>>)(http => http.RequestServices.GetApi().PurgeManyAsync(http)));
        api.MapPost("/instances/{instanceId}/raiseEvent/{eventName}", (HttpContext http, string instanceId, string eventName) =>
            http.RequestServices.GetApi().RaiseEventAsync(http, instanceId, eventName));
        api.MapPost("/instances/{instanceId}/{operation}", (HttpContext http, string instanceId, string operation) =>
            http.RequestServices.GetApi().OperateAsync(http, instanceId, operation));
        MapDeadLetters(api);
    }

    private async Task<object?> GuardAsync(HttpContext http, Func<Task<object?>> next)
    {
        if (keys.Check(AuthorizationLevel.System, null, HostKeys.Presented(http.Request)) is { } reason)
        {
            Log.Unauthorized(log, http.Request.Path, reason);
            return Problems.Unauthorized(reason);
        }

        if (http.Request.Query.TryGetValue("taskHub", out var hub) && hub.Count > 0 && !string.IsNullOrEmpty(hub[0])
            && !string.Equals(hub[0], options.HubName, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest($"This host serves task hub '{options.HubName}', not '{hub[0]}'.");
        }

        try
        {
            return await next();
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            Log.ManagementFailed(log, e, http.Request.Method, http.Request.Path);
            return Problems.ServerError();
        }
    }

    private async Task<IResult> StartAsync(HttpContext http, string functionName, string? instanceId)
    {
        if (instanceId is not null && InstanceIds.Problem(instanceId) is { } idProblem)
        {
            return Problems.BadRequest(idProblem);
        }

        if (!registry.HasOrchestrator(functionName))
        {
            return Problems.BadRequest($"No orchestrator function named '{functionName}' is registered in this app.");
        }

        if (Seconds(http, "timeout") is { Error: { } timeoutError })
        {
            return timeoutError;
        }

        if (Seconds(http, "pollingInterval") is { Error: { } pollingError })
        {
            return pollingError;
        }

        (string? body, IResult? tooLarge) = await RequestBodies.ReadTextAsync(http.Request, options.MaxRequestBodySize, http.RequestAborted);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        (JsonElement? input, IResult? badJson) = RequestBodies.ParseJson(body);
        if (badJson is not null)
        {
            return badJson;
        }

        string id;
        try
        {
            // An id whose instance still runs is refused (409) as the Dealix engine does; Microsoft's client would
            // otherwise terminate the running instance and start over, so it is told not to reuse an active id.
            StartOrchestrationOptions start = engine is null && instanceId is not null
                ? new StartOrchestrationOptions(instanceId) { DedupeStatuses = ActiveStatuses }
                : new StartOrchestrationOptions(instanceId);
            id = await client.ScheduleNewOrchestrationInstanceAsync(functionName, input, start, http.RequestAborted);
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException e)
        {
            return Problems.Conflict(e.Message);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }

        if (Seconds(http, "timeout").Value is { } timeout)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            wait.CancelAfter(timeout);
            try
            {
                OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, wait.Token);
                return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                    ? new JsonResponse(StatusCodes.Status200OK, StatusPayloads.Json(done.SerializedOutput))
                    : new JsonResponse(StatusCodes.Status200OK, StatusPayloads.Status(done, showInput: true, null, false));
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                // Not done within the timeout: answer with the check-status response, as Durable Functions does.
            }
        }

        return CheckStatus(http, id);
    }

    private JsonResponse CheckStatus(HttpContext http, string id)
    {
        HttpManagementPayload payload = urls.For(http.Request, id);
        return new JsonResponse(StatusCodes.Status202Accepted, payload, new Dictionary<string, string>
        {
            ["Location"] = payload.StatusQueryGetUri,
            ["Retry-After"] = "10",
        });
    }

    private async Task<IResult> StatusAsync(HttpContext http, string instanceId)
    {
        if (InstanceIds.Problem(instanceId) is { } idProblem)
        {
            return Problems.BadRequest(idProblem);
        }

        bool? showHistory = Bool(http, "showHistory");
        bool? showHistoryOutput = Bool(http, "showHistoryOutput");
        bool? showInput = Bool(http, "showInput");
        bool? failAs500 = Bool(http, "returnInternalServerErrorOnFailure");
        if (new[] { showHistory, showHistoryOutput, showInput, failAs500 }.Contains(null))
        {
            return Problems.BadRequest("showHistory, showHistoryOutput, showInput and returnInternalServerErrorOnFailure take true or false.");
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, http.RequestAborted);
        if (instance is null)
        {
            return Problems.NotFound($"No instance with id '{instanceId}' exists in task hub '{options.HubName}'.");
        }

        if (showHistory == true && engine is null)
        {
            return Problems.NotSupported(
                $"showHistory is not supported on the {options.StorageType} provider: instance history is a feature of the Dealix engine " +
                "(storageProvider.type \"Dealix\" or \"InMemory\"). Ask again without showHistory.");
        }

        IReadOnlyList<HistoryEvent>? history = showHistory == true ? await engine!.GetHistoryAsync(instanceId, http.RequestAborted) : null;
        JsonObject body = StatusPayloads.Status(instance, showInput ?? true, history, showHistoryOutput == true);
        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.ContinuedAsNew or OrchestrationRuntimeStatus.Suspended =>
                new JsonResponse(StatusCodes.Status202Accepted, body, new Dictionary<string, string>
                {
                    ["Location"] = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}",
                    ["Retry-After"] = "5",
                }),
            OrchestrationRuntimeStatus.Failed when failAs500 == true => new JsonResponse(StatusCodes.Status500InternalServerError, body),
            _ => new JsonResponse(StatusCodes.Status200OK, body),
        };
    }

    private async Task<IResult> ListAsync(HttpContext http)
    {
        if (Filter(http, requireFrom: false) is { Error: { } filterError })
        {
            return filterError;
        }

        (DateTimeOffset? from, DateTimeOffset? to, OrchestrationRuntimeStatus[]? statuses, _) = Filter(http, requireFrom: false);
        bool? showInput = Bool(http, "showInput");
        if (showInput is null)
        {
            return Problems.BadRequest("showInput takes true or false.");
        }

        int top = OrchestrationQuery.DefaultPageSize;
        if (http.Request.Query.TryGetValue("top", out var topText) && !string.IsNullOrEmpty(topText[0])
            && (!int.TryParse(topText[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
        {
            return Problems.BadRequest($"top '{topText[0]}' must be a whole number between 1 and 1000.");
        }

        string? prefix = http.Request.Query["instanceIdPrefix"].FirstOrDefault();
        string? token = http.Request.Headers["x-ms-continuation-token"].FirstOrDefault();
        if (string.IsNullOrEmpty(token))
        {
            token = null;
        }

        Page<OrchestrationMetadata> page;
        try
        {
            var query = new OrchestrationQuery(from, to, statuses, null, prefix, top, FetchInputsAndOutputs: true);
            await using IAsyncEnumerator<Page<OrchestrationMetadata>> pages =
                client.GetAllInstancesAsync(query).AsPages(token, top).GetAsyncEnumerator(http.RequestAborted);
            page = await pages.MoveNextAsync() ? pages.Current : new Page<OrchestrationMetadata>([]);
        }
        catch (Exception e) when (token is not null && e is FormatException or ArgumentException or JsonException or InvalidOperationException)
        {
            return Problems.BadRequest($"The x-ms-continuation-token header is not a token this API issued: {e.Message}");
        }

        var body = new JsonArray([.. page.Values.Select(i => (JsonNode?)StatusPayloads.Status(i, showInput.Value, null, false))]);
        Dictionary<string, string> headers = [];
        if (!string.IsNullOrEmpty(page.ContinuationToken))
        {
            headers["x-ms-continuation-token"] = page.ContinuationToken;
        }

        return new JsonResponse(StatusCodes.Status200OK, body, headers);
    }

    private async Task<IResult> PurgeAsync(HttpContext http, string instanceId)
    {
        if (InstanceIds.Problem(instanceId) is { } idProblem)
        {
            return Problems.BadRequest(idProblem);
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, cancellation: http.RequestAborted);
        if (instance is null)
        {
            return Problems.NotFound($"No instance with id '{instanceId}' exists in task hub '{options.HubName}'.");
        }

        if (!instance.RuntimeStatus.IsTerminal())
        {
            return Problems.Conflict($"Instance '{instanceId}' is {instance.RuntimeStatus}; only ended instances can be purged. Terminate it first.");
        }

        PurgeResult purged = await client.PurgeInstanceAsync(instanceId, cancellation: http.RequestAborted);
        return purged.PurgedInstanceCount == 0
            ? Problems.NotFound($"Instance '{instanceId}' was not purged: it no longer exists.")
            : new JsonResponse(StatusCodes.Status200OK, new JsonObject { ["instancesDeleted"] = purged.PurgedInstanceCount });
    }

    private async Task<IResult> PurgeManyAsync(HttpContext http)
    {
        (DateTimeOffset? from, DateTimeOffset? to, OrchestrationRuntimeStatus[]? statuses, IResult? error) = Filter(http, requireFrom: true);
        if (error is not null)
        {
            return error;
        }

        PurgeResult purged = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(from, to ?? DateTimeOffset.UtcNow, statuses), cancellation: http.RequestAborted);
        return purged.PurgedInstanceCount == 0
            ? Problems.NotFound("No ended instance matched the filter; nothing was purged.")
            : new JsonResponse(StatusCodes.Status200OK, new JsonObject { ["instancesDeleted"] = purged.PurgedInstanceCount });
    }

    private async Task<IResult> RaiseEventAsync(HttpContext http, string instanceId, string eventName)
    {
        if (InstanceIds.Problem(instanceId) is { } idProblem)
        {
            return Problems.BadRequest(idProblem);
        }

        if (string.IsNullOrWhiteSpace(eventName))
        {
            return Problems.BadRequest("The event name must not be empty.");
        }

        if (!RequestBodies.IsJson(http.Request))
        {
            return Problems.BadRequest($"raiseEvent takes an application/json body; the request declared '{http.Request.ContentType ?? "no content type"}'.");
        }

        (string? body, IResult? tooLarge) = await RequestBodies.ReadTextAsync(http.Request, options.MaxRequestBodySize, http.RequestAborted);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        (JsonElement? payload, IResult? badJson) = RequestBodies.ParseJson(body);
        if (badJson is not null)
        {
            return badJson;
        }

        if (await ExistingAsync(http, instanceId) is { } refused)
        {
            return refused;
        }

        await client.RaiseEventAsync(instanceId, eventName, payload, http.RequestAborted);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private async Task<IResult> OperateAsync(HttpContext http, string instanceId, string operation)
    {
        if (InstanceIds.Problem(instanceId) is { } idProblem)
        {
            return Problems.BadRequest(idProblem);
        }

        string? reason = http.Request.Query["reason"].FirstOrDefault();
        switch (operation.ToLowerInvariant())
        {
            case "terminate":
                if (await ExistingAsync(http, instanceId) is { } notTerminable)
                {
                    return notTerminable;
                }

                await client.TerminateInstanceAsync(instanceId, reason, http.RequestAborted);
                return Results.StatusCode(StatusCodes.Status202Accepted);
            case "suspend":
                if (await ExistingAsync(http, instanceId) is { } notSuspendable)
                {
                    return notSuspendable;
                }

                await client.SuspendInstanceAsync(instanceId, reason, http.RequestAborted);
                return Results.StatusCode(StatusCodes.Status202Accepted);
            case "resume":
                if (await ExistingAsync(http, instanceId) is { } notResumable)
                {
                    return notResumable;
                }

                await client.ResumeInstanceAsync(instanceId, reason, http.RequestAborted);
                return Results.StatusCode(StatusCodes.Status202Accepted);
            case "restart":
                return await RestartAsync(http, instanceId);
            case "rewind":
                OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, cancellation: http.RequestAborted);
                if (instance is null)
                {
                    return Problems.NotFound($"No instance with id '{instanceId}' exists in task hub '{options.HubName}'.");
                }

                return instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled
                    ? Problems.Gone($"Instance '{instanceId}' is {instance.RuntimeStatus}; only failed instances can be rewound.")
                    : Problems.Of(StatusCodes.Status501NotImplemented, "Not implemented", "Rewind (a preview feature of Durable Functions) is not supported by this engine; use restart.");
            default:
                return Problems.NotFound($"Unknown instance operation '{operation}'.");
        }
    }

    private async Task<IResult> RestartAsync(HttpContext http, string instanceId)
    {
        bool? newId = Bool(http, "restartWithNewInstanceId");
        if (newId is null)
        {
            return Problems.BadRequest("restartWithNewInstanceId takes true or false.");
        }

        if (await client.GetInstanceAsync(instanceId, cancellation: http.RequestAborted) is null)
        {
            return Problems.BadRequest($"No instance with id '{instanceId}' exists in task hub '{options.HubName}'; it cannot be restarted.");
        }

        string restarted = await client.RestartAsync(instanceId, restartWithNewInstanceId: newId ?? true, http.RequestAborted);
        return CheckStatus(http, restarted);
    }

    /// <summary>404 when unknown, 410 when ended, null when the instance can take the operation.</summary>
    private async Task<IResult?> ExistingAsync(HttpContext http, string instanceId)
    {
        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, cancellation: http.RequestAborted);
        if (instance is null)
        {
            return Problems.NotFound($"No instance with id '{instanceId}' exists in task hub '{options.HubName}'.");
        }

        return Ended.Contains(instance.RuntimeStatus)
            ? Problems.Gone($"Instance '{instanceId}' has ended ({instance.RuntimeStatus}); it takes no more requests.")
            : null;
    }
}
