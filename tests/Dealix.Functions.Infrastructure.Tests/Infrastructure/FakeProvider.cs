using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Infrastructure.Tests.Infrastructure;

/// <summary>
/// A provider on real Kestrel at 127.0.0.1 (a free port): records every request exactly as received and answers from a
/// queue of canned responses (the last one repeats).
/// </summary>
public sealed class FakeProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses = new();
    private Func<HttpContext, Task> _last = c => Respond(c, 200, "{}");

    private FakeProvider(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<FakeProvider> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var provider = new FakeProvider(app);
        app.Run(provider.HandleAsync);
        await app.StartAsync();
        provider.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    /// <summary>Queues a JSON answer.</summary>
    public FakeProvider Answer(int status, string json)
    {
        Enqueue(c => Respond(c, status, json));
        return this;
    }

    /// <summary>Forgets the queued answers.</summary>
    public FakeProvider Reset()
    {
        _responses.Clear();
        return this;
    }

    /// <summary>Queues an answer that takes too long.</summary>
    public FakeProvider Hang(TimeSpan delay)
    {
        Enqueue(async c =>
        {
            await Task.Delay(delay, c.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            await Respond(c, 200, "{}");
        });
        return this;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Enqueue(Func<HttpContext, Task> response)
    {
        _responses.Enqueue(response);
        _last = response;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
        Func<HttpContext, Task> respond = _responses.TryDequeue(out Func<HttpContext, Task>? next) ? next : _last;
        await respond(context);
    }

    private static Task Respond(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }
}
