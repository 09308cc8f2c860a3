using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dealix.Runtime.Hosting.Management;

/// <summary>A JSON response with a status code and headers, written with the wire names as given.</summary>
internal sealed class JsonResponse(int status, object? body, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    /// <summary>URLs are written as they are (<c>&amp;</c>, not <c>\u0026</c>), as Durable Functions writes them.</summary>
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
        {
            httpContext.Response.Headers[name] = value;
        }

        if (body is null)
        {
            return;
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        string text = body is JsonNode node ? node.ToJsonString(Options) : JsonSerializer.Serialize(body, body.GetType(), Options);
        await httpContext.Response.WriteAsync(text, httpContext.RequestAborted);
    }
}
