using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP proxy (real Kestrel) in front of Azurite's blob endpoint. It forwards every request unchanged and
/// answers <c>503 Server Busy</c>, as the storage service does under load, to the first <see cref="FailuresPerBlob"/>
/// downloads (GET) of each blob. Listings, uploads and deletes always pass.
/// </summary>
public sealed class FaultyBlobProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward;
    private readonly ConcurrentDictionary<string, int> _gets = new(StringComparer.Ordinal);
    private int _faulted;
    private int _forwarded;

    private FaultyBlobProxy(WebApplication app, HttpClient forward, int failuresPerBlob)
    {
        _app = app;
        _forward = forward;
        FailuresPerBlob = failuresPerBlob;
    }

    public int FailuresPerBlob { get; }

    /// <summary>Downloads answered 503.</summary>
    public int Faulted => Volatile.Read(ref _faulted);

    /// <summary>Requests passed through to Azurite.</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Distinct blobs whose download was answered 503 at least once.</summary>
    public int BlobsFaulted => _gets.Count(g => g.Value > 0);

    public string BlobEndpoint { get; private set; } = string.Empty;

    public static async Task<FaultyBlobProxy> StartAsync(int azuriteBlobPort, int failuresPerBlob)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var forward = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{azuriteBlobPort}"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var proxy = new FaultyBlobProxy(app, forward, failuresPerBlob);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.BlobEndpoint = address.TrimEnd('/') + "/devstoreaccount1";
        return proxy;
    }

    /// <summary>A connection string whose blob endpoint is this proxy (tables and queues go to Azurite directly).</summary>
    public string ConnectionString(Azurite azurite) =>
        azurite.ConnectionString.Replace($"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1", $"BlobEndpoint={BlobEndpoint}", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest incoming = context.Request;

        // A blob download: GET /account/container/blob without a comp= or restype= query (those are listings and properties).
        bool blobDownload = HttpMethods.IsGet(incoming.Method)
            && incoming.Path.Value!.Count(c => c == '/') >= 3
            && !incoming.Query.ContainsKey("comp") && !incoming.Query.ContainsKey("restype");
        if (blobDownload && _gets.AddOrUpdate(incoming.Path.Value!, 1, (_, n) => n + 1) <= FailuresPerBlob)
        {
            Interlocked.Increment(ref _faulted);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers["x-ms-error-code"] = "ServerBusy";
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>The server is busy (test proxy).</Message></Error>");
            return;
        }

        Interlocked.Increment(ref _forwarded);
        using var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), incoming.Path + incoming.QueryString);
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            outgoing.Content = new StreamContent(incoming.Body);
        }

        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in incoming.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using HttpResponseMessage answer = await _forward.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (KeyValuePair<string, IEnumerable<string>> header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
