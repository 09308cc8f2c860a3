using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dealix.Runtime.AzureStorage;
using Dealix.Runtime.Hosting.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Runtime.Hosting.Management;

/// <summary>
/// Dead letters of the Dealix engine on Azure Storage (poison messages, unreadable messages, quarantined history):
/// <c>GET deadletters</c>, <c>POST deadletters/{id}/redrive</c>, <c>DELETE deadletters/{id}</c>. Same guard as the rest of
/// the API (system key); on other providers the routes answer 501 with the reason.
/// </summary>
internal sealed partial class DurableManagementApi
{
    /// <summary>Maps the dead-letter routes into the API's route group.</summary>
    private static void MapDeadLetters(RouteGroupBuilder api)
    {
        api.MapGet("/deadletters", (Func<HttpContext, Task<IResult>>)(http => Api(http).ListDeadLettersAsync(http)));
        api.MapPost("/deadletters/{id}/redrive", (HttpContext http, string id) => Api(http).RedriveDeadLetterAsync(http, id));
        api.MapDelete("/deadletters/{id}", (HttpContext http, string id) => Api(http).DeleteDeadLetterAsync(http, id));
    }

    private static DurableManagementApi Api(HttpContext http) => http.RequestServices.GetRequiredService<DurableManagementApi>();

    [GeneratedRegex("^[0-9]{19}-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex DeadLetterId();

    private AzureStorageOrchestrationBackend? DeadLetterStore => backend as AzureStorageOrchestrationBackend;

    private IResult NoDeadLetterStore() => Problems.NotSupported(
        $"Dead letters are kept by the Dealix engine on Azure Storage (storageProvider.type \"Dealix\"); this host runs the {options.StorageType} provider.");

    private async Task<IResult> ListDeadLettersAsync(HttpContext http)
    {
        if (DeadLetterStore is not { } store)
        {
            return NoDeadLetterStore();
        }

        int top = 100;
        if (http.Request.Query.TryGetValue("top", out var topText) && !string.IsNullOrEmpty(topText[0])
            && (!int.TryParse(topText[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
        {
            return Problems.BadRequest($"top '{topText[0]}' must be a whole number between 1 and 1000.");
        }

        if (!bool.TryParse(http.Request.Query["showBody"].FirstOrDefault() ?? "false", out bool showBody))
        {
            return Problems.BadRequest("showBody takes true or false.");
        }

        IReadOnlyList<DeadLetter> letters = await store.ListDeadLettersAsync(top, http.RequestAborted);
        return new JsonResponse(StatusCodes.Status200OK, new JsonArray([.. letters.Select(l => (JsonNode?)DeadLetterJson(l, showBody))]));
    }

    private async Task<IResult> RedriveDeadLetterAsync(HttpContext http, string id)
    {
        if (DeadLetterStore is not { } store)
        {
            return NoDeadLetterStore();
        }

        if (!DeadLetterId().IsMatch(id))
        {
            return Problems.BadRequest($"'{id}' is not a dead-letter id (as listed by GET deadletters).");
        }

        DeadLetter? letter = await store.GetDeadLetterAsync(id, http.RequestAborted);
        if (letter is null)
        {
            return Problems.NotFound($"No dead letter with id '{id}' exists in task hub '{options.HubName}'.");
        }

        if (letter.Body is null || letter.Kind == AzureStorageOrchestrationBackend.CorruptHistoryErrorType)
        {
            return Problems.Conflict($"Dead letter '{id}' ({letter.Kind}) is not a queue message and cannot be redriven; delete it once handled.");
        }

        return await store.RedriveDeadLetterAsync(id, http.RequestAborted)
            ? new JsonResponse(StatusCodes.Status200OK, new JsonObject { ["redriven"] = id, ["queue"] = letter.Source, ["instanceId"] = letter.InstanceId })
            : Problems.NotFound($"Dead letter '{id}' was not redriven: it no longer exists.");
    }

    private async Task<IResult> DeleteDeadLetterAsync(HttpContext http, string id)
    {
        if (DeadLetterStore is not { } store)
        {
            return NoDeadLetterStore();
        }

        if (!DeadLetterId().IsMatch(id))
        {
            return Problems.BadRequest($"'{id}' is not a dead-letter id (as listed by GET deadletters).");
        }

        return await store.DeleteDeadLetterAsync(id, http.RequestAborted)
            ? new JsonResponse(StatusCodes.Status200OK, new JsonObject { ["deleted"] = id })
            : Problems.NotFound($"No dead letter with id '{id}' exists in task hub '{options.HubName}'.");
    }

    /// <summary>A dead letter as the API and the CLI show it; the body (which may hold customer data) only on request.</summary>
    internal static JsonObject DeadLetterJson(DeadLetter letter, bool showBody)
    {
        var json = new JsonObject
        {
            ["id"] = letter.Id,
            ["kind"] = letter.Kind,
            ["source"] = letter.Source,
            ["instanceId"] = letter.InstanceId,
            ["reason"] = letter.Reason,
            ["dequeueCount"] = letter.DequeueCount,
            ["occurredAt"] = letter.OccurredAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
            ["redrivable"] = letter.Body is not null && letter.Kind != AzureStorageOrchestrationBackend.CorruptHistoryErrorType,
        };
        if (showBody)
        {
            json["body"] = letter.Body;
        }

        return json;
    }
}
