using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.EndToEndTests.Deals;

/// <summary>A loopback stand-in for the WhatsApp Cloud API (Graph) on real Kestrel: records every request as received and
/// answers like Meta does for an accepted text message.</summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _sent;

    private FakeGraphApi(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<(string Path, string? Authorization, string? ContentType, string Body)> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The W3C <c>traceparent</c> header of every request, in order (null when absent).</summary>
    public ConcurrentQueue<string?> TraceParents { get; } = new();

    public static async Task<FakeGraphApi> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var fake = new FakeGraphApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync();
        TraceParents.Enqueue(context.Request.Headers.TraceParent.FirstOrDefault());
        Requests.Enqueue((context.Request.Path, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body));
        int n = Interlocked.Increment(ref _sent);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],"messages":[{"id":"wamid.OUT{{n}}"}]}""");
    }
}
