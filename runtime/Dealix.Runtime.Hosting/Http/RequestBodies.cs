using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>Reads request bodies with a size limit and checks JSON before anything acts on it.</summary>
internal static class RequestBodies
{
    /// <summary>The body as text, or the error to answer (413 when over <paramref name="limit"/>).</summary>
    public static async Task<(string? Body, IResult? Error)> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        try
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, Problems.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }

            return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(limit));
        }
    }

    /// <summary>
    /// Parses an optional JSON body: an empty body is null; anything else must be one JSON value (400 with the parser's
    /// reason otherwise).
    /// </summary>
    public static (JsonElement? Value, IResult? Error) ParseJson(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"The request body is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>True when the request declares <c>application/json</c> (parameters such as charset allowed).</summary>
    public static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
        && string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);
}
