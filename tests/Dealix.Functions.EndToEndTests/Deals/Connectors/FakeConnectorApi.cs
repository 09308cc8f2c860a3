using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.EndToEndTests.Deals.Connectors;

/// <summary>
/// A loopback stand-in for the deal connector providers on real Kestrel: Google Calendar API v3 <c>events.insert</c>
/// (answers the event; a second insert of the same event id is a 409, as Google does) and HubSpot's deals batch upsert
/// (answers the record). Records every request as received.
/// </summary>
public sealed class FakeConnectorApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _events = new(StringComparer.Ordinal);

    private FakeConnectorApi(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization, string? ContentType, string Body)> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<FakeConnectorApi> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var fake = new FakeConnectorApi(app);
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
        string path = context.Request.Path + context.Request.QueryString;
        Requests.Enqueue((context.Request.Method, path, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body));
        context.Response.ContentType = "application/json";
        if (context.Request.Path.StartsWithSegments("/calendar/v3/calendars", StringComparison.Ordinal))
        {
            string id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            if (!_events.TryAdd(id, true))
            {
                context.Response.StatusCode = StatusCodes.Status409Conflict;
                await context.Response.WriteAsync("""{"error":{"code":409,"message":"The requested identifier already exists."}}""");
                return;
            }

            await context.Response.WriteAsync($$"""{"kind":"calendar#event","id":"{{id}}","status":"confirmed"}""");
            return;
        }

        if (context.Request.Path == "/crm/v3/objects/deals/batch/upsert")
        {
            await context.Response.WriteAsync("""{"status":"COMPLETE","results":[{"id":"512","properties":{},"new":true}]}""");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsync("{}");
    }
}
