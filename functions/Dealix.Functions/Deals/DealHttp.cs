using System.Text.Json;
using Dealix.Orchestrations.Deals.Lifecycle;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dealix.Functions.Deals;

/// <summary>Request plumbing shared by the deal entry points: the correlation id (§4.2), the tenant, raw bodies and
/// ProblemDetails answers.</summary>
public static class DealHttp
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string TenantHeader = "X-Tenant-Id";
    public const string OperatorHeader = "X-Operator-Id";
    public const int MaxCorrelationIdLength = 128;

    /// <summary>The caller's <c>X-Correlation-Id</c> when valid, else a new UUID v4; echoed on the response.</summary>
    public static string CorrelationId(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? given = request.Headers[CorrelationHeader].ToString();
        string id = !string.IsNullOrWhiteSpace(given) && given.Length <= MaxCorrelationIdLength && given.All(c => c is > ' ' and < (char)127)
            ? given
            : Guid.NewGuid().ToString();
        request.HttpContext.Response.Headers[CorrelationHeader] = id;
        return id;
    }

    /// <summary>The tenant from <c>X-Tenant-Id</c> or <c>?tenant=</c>, validated; null when missing or malformed.</summary>
    public static string? Tenant(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string value = request.Headers[TenantHeader].ToString();
        if (string.IsNullOrEmpty(value))
        {
            value = request.Query["tenant"].ToString();
        }

        return DealKeys.IsValidKey(value, DealKeys.MaxTenantIdLength) ? value : null;
    }

    /// <summary>The body as bytes, at most <paramref name="limit"/>; null when larger.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The largest JSON body an operator API route reads.</summary>
    public const long MaxJsonBody = 256 * 1024;

    /// <summary>
    /// Reads the body as one JSON object of at most <paramref name="limit"/> bytes: the parsed document (the caller
    /// disposes it), or the 4xx to answer — 413 when larger, 400 when empty (unless <paramref name="emptyIsEmptyObject"/>),
    /// not JSON, or JSON that is not an object. Any content type is read: clients send JSON as text/plain too.
    /// </summary>
    public static async Task<(JsonDocument? Body, IResult? Error)> ReadJsonObjectAsync(
        HttpRequest request, string correlationId, CancellationToken cancellation, bool emptyIsEmptyObject = false, long limit = MaxJsonBody)
    {
        byte[]? bytes = await ReadBodyAsync(request, limit, cancellation);
        if (bytes is null)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The body exceeds {limit} bytes.", correlationId));
        }

        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return emptyIsEmptyObject
                ? (JsonDocument.Parse("{}"), null)
                : (null, BadRequest("The body is empty: a JSON object is required.", correlationId));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return (null, BadRequest("The body is not valid JSON.", correlationId));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, BadRequest("The body must be a JSON object.", correlationId));
        }

        return (document, null);
    }

    public static IResult Problem(int status, string title, string detail, string correlationId) =>
        Results.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["correlation_id"] = correlationId } });

    public static IResult BadRequest(string detail, string correlationId) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail, correlationId);

    public static IResult Unauthorized(string detail, string correlationId) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail, correlationId);

    public static IResult Forbidden(string detail, string correlationId) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail, correlationId);
}
