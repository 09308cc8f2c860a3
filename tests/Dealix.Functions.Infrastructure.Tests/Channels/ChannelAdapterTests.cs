using System.Text.Json;
using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Tests.Channels;

public sealed class ChannelAdapterTests
{
    private const string Arabic = "أكيد، الأسعار تعتمد على الباقة وحجم الشغل.";

    private static ChannelSendRequest Request(MessageChannel channel = MessageChannel.WhatsApp, string to = "966511111111") =>
        new("acme", "d42", channel, to, Arabic, "corr-1");

    private static WhatsAppCloudAdapter Cloud(FakeProvider provider, TimeSpan? timeout = null) => new(new HttpClient(), Options.Create(new WhatsAppOptions
    {
        GraphBaseUrl = provider.BaseUrl,
        GraphVersion = "v23.0",
        PhoneNumberId = "106540352242922",
        AccessToken = "EAAG-test-token",
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
    }));

    private static UltramsgAdapter Ultramsg(FakeProvider provider) => new(new HttpClient(), Options.Create(new UltramsgOptions
    {
        BaseUrl = provider.BaseUrl,
        InstanceId = "instance1150",
        Token = "ultra-token",
    }));

    [Fact]
    public async Task WhatsAppCloud_Send_PostsTheExactCloudApiRequest()
    {
        await using FakeProvider graph = await FakeProvider.StartAsync();
        graph.Answer(200, """{"messaging_product":"whatsapp","contacts":[{"input":"966511111111","wa_id":"966511111111"}],"messages":[{"id":"wamid.SENT1"}]}""");

        ChannelSendResult result = await Cloud(graph).SendAsync(Request());

        Assert.Equal(ChannelSendResult.Sent("whatsapp_cloud", "wamid.SENT1"), result);
        RecordedRequest request = Assert.Single(graph.Requests);
        Assert.Equal(("POST", "/v23.0/106540352242922/messages"), (request.Method, request.PathAndQuery));
        Assert.Equal("Bearer EAAG-test-token", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"966511111111","type":"text","text":{"preview_url":false,"body":"{{{Arabic}}}"}}""",
            request.BodyText);
    }

    [Fact]
    public async Task WhatsAppCloud_OutsideTheWindow_IsRejectedWithTheErrorCode()
    {
        await using FakeProvider graph = await FakeProvider.StartAsync();
        graph.Answer(400, """{"error":{"message":"Re-engagement message","type":"OAuthException","code":131047,"fbtrace_id":"x"}}""");

        ChannelSendResult result = await Cloud(graph).SendAsync(Request());

        Assert.Equal((SendOutcome.Rejected, "http_400:131047"), (result.Outcome, result.Error));
    }

    [Fact]
    public async Task WhatsAppCloud_ServerErrorOrTimeout_IsUnknownAndNotRetried()
    {
        await using FakeProvider graph = await FakeProvider.StartAsync();
        graph.Answer(500, """{"error":{"code":131000}}""");
        Assert.Equal(SendOutcome.Unknown, (await Cloud(graph).SendAsync(Request())).Outcome);
        Assert.Single(graph.Requests);

        graph.Hang(TimeSpan.FromSeconds(5));
        Assert.Equal((SendOutcome.Unknown, "timeout"), ((await Cloud(graph, TimeSpan.FromMilliseconds(300)).SendAsync(Request())) is var r ? (r.Outcome, r.Error) : default));
        Assert.Equal(2, graph.Requests.Count);
    }

    [Fact]
    public async Task WhatsAppCloud_TimeoutBeforeTheRequestLeft_IsNotSentAndReachedNothing()
    {
        // The attempt's time runs out while the request still waits to go out (here: a handler that holds it, as a
        // starved thread pool or a connection that never opens does): nothing can have reached the provider.
        await using FakeProvider graph = await FakeProvider.StartAsync();
        graph.Answer(200, """{"messages":[{"id":"wamid.LATE"}]}""");
        var adapter = new WhatsAppCloudAdapter(new HttpClient(new HoldingHandler(TimeSpan.FromSeconds(5))), Options.Create(new WhatsAppOptions
        {
            GraphBaseUrl = graph.BaseUrl,
            PhoneNumberId = "106540352242922",
            AccessToken = "EAAG-test-token",
            Timeout = TimeSpan.FromMilliseconds(300),
        }));

        ChannelSendResult result = await adapter.SendAsync(Request());

        Assert.Equal((SendOutcome.NotSent, "timeout_before_send"), (result.Outcome, result.Error));
        Assert.Empty(graph.Requests);
    }

    [Fact]
    public async Task WhatsAppCloud_Throttled_IsRetriedBecauseNothingWasSent()
    {
        await using FakeProvider graph = await FakeProvider.StartAsync();
        graph.Answer(429, """{"error":{"code":130429}}""").Answer(200, """{"messages":[{"id":"wamid.AFTER"}]}""");

        ChannelSendResult result = await Cloud(graph).SendAsync(Request());

        Assert.Equal((SendOutcome.Sent, "wamid.AFTER"), (result.Outcome, result.ProviderMessageId));
        Assert.Equal(2, graph.Requests.Count);
    }

    [Fact]
    public async Task WhatsAppCloud_Unreachable_IsRejected()
    {
        FakeProvider graph = await FakeProvider.StartAsync();
        WhatsAppCloudAdapter adapter = Cloud(graph);
        await graph.DisposeAsync(); // nothing listens any more

        Assert.Equal((SendOutcome.Rejected, "unreachable"), (await adapter.SendAsync(Request())) is var r ? (r.Outcome, r.Error) : default);
    }

    [Fact]
    public async Task Ultramsg_Send_PostsTheDocumentedForm()
    {
        await using FakeProvider ultramsg = await FakeProvider.StartAsync();
        ultramsg.Answer(200, """{"sent":"true","message":"ok","id":12345}""");

        ChannelSendResult result = await Ultramsg(ultramsg).SendAsync(Request(to: "966511111111@c.us"));

        Assert.Equal(ChannelSendResult.Sent("ultramsg", "12345"), result);
        RecordedRequest request = Assert.Single(ultramsg.Requests);
        Assert.Equal("/instance1150/messages/chat", request.PathAndQuery);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["token"] = "ultra-token", ["to"] = "+966511111111", ["body"] = Arabic, ["referenceId"] = "d42" }, request.Form);
    }

    [Fact]
    public async Task Router_UltramsgRefuses_FallsBackToTheCloudApi()
    {
        await using FakeProvider ultramsg = await FakeProvider.StartAsync();
        await using FakeProvider graph = await FakeProvider.StartAsync();
        ultramsg.Answer(200, """{"error":"instance not authorized"}""");
        graph.Answer(200, """{"messages":[{"id":"wamid.FALLBACK"}]}""");

        ChannelSendResult result = await new ChannelRouter([Cloud(graph), Ultramsg(ultramsg)]).SendAsync(Request());

        Assert.Equal(("whatsapp_cloud", "wamid.FALLBACK"), (result.Provider, result.ProviderMessageId));
        Assert.Single(ultramsg.Requests);
    }

    [Fact]
    public async Task Router_UltramsgOutcomeUnknown_DoesNotFallBack()
    {
        await using FakeProvider ultramsg = await FakeProvider.StartAsync();
        await using FakeProvider graph = await FakeProvider.StartAsync();
        ultramsg.Answer(502, "bad gateway");

        ChannelSendResult result = await new ChannelRouter([Ultramsg(ultramsg), Cloud(graph)]).SendAsync(Request());

        Assert.Equal((SendOutcome.Unknown, "ultramsg"), (result.Outcome, result.Provider));
        Assert.Empty(graph.Requests);
    }

    [Fact]
    public async Task Unifonic_Send_PostsTheDocumentedForm()
    {
        await using FakeProvider unifonic = await FakeProvider.StartAsync();
        unifonic.Answer(200, """{"success":true,"message":"","errorCode":"ER-00","data":{"MessageID":4711,"Status":"Queued"}}""");
        var adapter = new UnifonicSmsAdapter(new HttpClient(), Options.Create(new UnifonicOptions { BaseUrl = unifonic.BaseUrl, AppSid = "app-sid", SenderId = "Dealix" }));

        ChannelSendResult result = await adapter.SendAsync(Request(MessageChannel.Sms, "+966511111111"));

        Assert.Equal(ChannelSendResult.Sent("unifonic", "4711"), result);
        RecordedRequest request = Assert.Single(unifonic.Requests);
        Assert.Equal("/rest/SMS/messages", request.PathAndQuery);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal(new Dictionary<string, string>
        {
            ["AppSid"] = "app-sid",
            ["SenderID"] = "Dealix",
            ["Recipient"] = "966511111111",
            ["Body"] = Arabic,
            ["responseType"] = "JSON",
            ["CorrelationID"] = "d42",
        }, request.Form);
    }

    [Fact]
    public async Task Unifonic_Refused_IsRejectedWithItsCode()
    {
        await using FakeProvider unifonic = await FakeProvider.StartAsync();
        unifonic.Answer(200, """{"success":false,"message":"Invalid destination","errorCode":"ER-02"}""");
        var adapter = new UnifonicSmsAdapter(new HttpClient(), Options.Create(new UnifonicOptions { BaseUrl = unifonic.BaseUrl, AppSid = "app-sid" }));

        Assert.Equal((SendOutcome.Rejected, "ER-02"), (await adapter.SendAsync(Request(MessageChannel.Sms))) is var r ? (r.Outcome, r.Error) : default);
    }

    [Fact]
    public void WhatsAppCloud_Body_IsValidJsonWithTheDigitsOnly()
    {
        using JsonDocument body = JsonDocument.Parse(WhatsAppCloudAdapter.Body("+966 51 111 1111", "hi"));
        Assert.Equal("966511111111", body.RootElement.GetProperty("to").GetString());
    }

    /// <summary>Holds each request for a while before it goes out, honouring cancellation.</summary>
    private sealed class HoldingHandler(TimeSpan hold) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(hold, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
