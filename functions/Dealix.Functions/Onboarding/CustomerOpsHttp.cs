using System.Text.Json;
using Dealix.Functions.Deals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dealix.Functions.Onboarding;

/// <summary>
/// Plumbing of the <c>/api/v1/customer-ops/onboarding</c> and <c>/connectors</c> routes: snake_case JSON answers that
/// carry <c>approval_required: true</c> and <c>live_send_allowed: false</c> (invariant I9), JSON object bodies read
/// within a size limit, and ProblemDetails refusals with a stable <c>error</c> code.
/// </summary>
internal static class CustomerOpsHttp
{
    public const long MaxBody = 16 * 1024;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The answer with the I9 flags and the correlation id added.</summary>
    public static IResult Answer(int status, object body, string correlationId)
    {
        JsonElement element = JsonSerializer.SerializeToElement(body, Json);
        var fields = element.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["approval_required"] = true;
        fields["live_send_allowed"] = false;
        fields["correlation_id"] = correlationId;
        return Results.Json(fields, Json, statusCode: status);
    }

    /// <summary>A refusal: ProblemDetails with the error code (and the allowed states for a transition), and the I9 flags.</summary>
    public static IResult Problem(int status, string error, string detail, string correlationId, IReadOnlyList<string>? allowed = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = error,
            Detail = detail,
            Extensions = { ["error"] = error, ["correlation_id"] = correlationId, ["approval_required"] = true, ["live_send_allowed"] = false },
        };
        if (allowed is not null)
        {
            problem.Extensions["allowed"] = allowed;
        }

        return Results.Problem(problem);
    }

    /// <summary>The body as a JSON object, or the 400 to answer.</summary>
    public static async Task<(JsonElement? Body, IResult? Refusal)> ReadObjectAsync(HttpRequest request, string correlationId, CancellationToken cancellation)
    {
        byte[]? bytes = await DealHttp.ReadBodyAsync(request, MaxBody, cancellation);
        if (bytes is null)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The body must be at most {MaxBody} bytes.", correlationId));
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (null, Problem(StatusCodes.Status400BadRequest, "invalid_body", "The body must be a JSON object.", correlationId));
        }
        catch (JsonException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "invalid_body", "The body is not valid JSON.", correlationId));
        }
    }

    /// <summary>A string property, or null when absent; <paramref name="valid"/> is false when present but not a string.</summary>
    public static string? String(JsonElement body, string name, out bool valid)
    {
        valid = true;
        if (!body.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        valid = value.ValueKind == JsonValueKind.String;
        return valid ? value.GetString() : null;
    }
}
