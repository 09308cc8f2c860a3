using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.OperatorConsole;

/// <summary>
/// The operator console (issue 13): static pages embedded in this assembly (OperatorConsole/wwwroot) and served at
/// <c>GET /api/console/{*path}</c> by the app itself, so it runs wherever the app runs (our host, the Functions host in
/// Azure). The pages hold no data: they call the app's JSON API with the operator key the operator signs in with.
/// Anonymous on purpose: the files are public; every API call they make is checked by TenantGate.
/// </summary>
public static class ConsoleSite
{
    public const string Name = "OperatorConsole";

    /// <summary>The resource names' prefix (the csproj's LogicalName).</summary>
    internal const string ResourcePrefix = "console/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    [Function(Name)]
    public static IResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request,
        string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Relative module URLs need the trailing slash: /api/console -> /api/console/.
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/'))
        {
            return Results.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
        }

        string name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Files.Value.TryGetValue(name, out byte[]? content) || !ContentTypes.TryGetValue(Path.GetExtension(name), out string? type))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"The console has no file '{name}'.");
        }

        IHeaderDictionary headers = request.HttpContext.Response.Headers;
        // Scripts and styles come from this app only; the pages may call this app only; no framing.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Bytes(content, type);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        Assembly assembly = typeof(ConsoleSite).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[resource[ResourcePrefix.Length..].Replace('\\', '/')] = buffer.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
