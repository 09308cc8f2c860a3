using System.Collections.Concurrent;
using System.Text.Json;
using Dealix.Functions.Infrastructure.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.EndToEndTests.Notifications;

/// <summary>
/// Loopback stand-ins on real Kestrel for the WhatsApp Cloud API (Graph) and a team-chat webhook receiver. Graph answers
/// 500 to messages for <see cref="LostNumber"/> (the answer is lost: <c>send_unknown</c>) and accepts the rest; the
/// receiver checks the <c>X-Dealix-Signature</c> as a real one would and answers 401 when it does not match.
/// </summary>
public sealed class FakeOperatorChannels : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _secret;
    private int _sent;

    private FakeOperatorChannels(WebApplication app, string secret, string lostNumber)
    {
        _app = app;
        _secret = secret;
        LostNumber = lostNumber;
    }

    /// <summary>The number whose messages get a 500.</summary>
    public string LostNumber { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Graph requests: path, Authorization, the <c>to</c> number, the text body.</summary>
    public ConcurrentQueue<(string Path, string? Authorization, string To, string Text)> Graph { get; } = new();

    /// <summary>Webhook posts: signature valid, delivery header, the JSON body.</summary>
    public ConcurrentQueue<(bool Valid, string Delivery, JsonElement Body)> Hooks { get; } = new();

    public static async Task<FakeOperatorChannels> StartAsync(string webhookSecret, string lostNumber)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var fake = new FakeOperatorChannels(app, webhookSecret, lostNumber);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        byte[] body = buffer.ToArray();
        using JsonDocument json = JsonDocument.Parse(body);
        context.Response.ContentType = "application/json";
        if (context.Request.Path.StartsWithSegments("/hooks"))
        {
            bool valid = OperatorWebhookSender.Verify(_secret, context.Request.Headers["X-Dealix-Signature"], body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
            Hooks.Enqueue((valid, context.Request.Headers["X-Dealix-Delivery"].ToString(), json.RootElement.Clone()));
            context.Response.StatusCode = valid ? 200 : 401;
            await context.Response.WriteAsync("{}");
            return;
        }

        string to = json.RootElement.GetProperty("to").GetString()!;
        Graph.Enqueue((context.Request.Path, context.Request.Headers.Authorization.ToString(), to, json.RootElement.GetProperty("text").GetProperty("body").GetString()!));
        if (to == LostNumber)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("""{"error":{"code":2,"message":"Service temporarily unavailable"}}""");
            return;
        }

        await context.Response.WriteAsync($$"""{"messaging_product":"whatsapp","messages":[{"id":"wamid.OP{{Interlocked.Increment(ref _sent)}}"}]}""");
    }
}
