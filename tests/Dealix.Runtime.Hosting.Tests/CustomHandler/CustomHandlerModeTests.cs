using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dealix.Runtime.Hosting.Tests.CustomHandler;

/// <summary>The host as the Functions host sees it behind FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
public sealed class CustomHandlerModeTests : IAsyncLifetime
{
    private InMemoryHost _host = null!;

    public async Task InitializeAsync() => _host = await InMemoryHost.StartAsync(customHandler: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task QueueInvocation_DocumentedPayload_RunsTheFunctionAndAnswersOutputsLogsReturnValue()
    {
        HttpResponseMessage response = await _host.Client.PostAsync("/QueueTrigger",
            new StringContent(InvocationEnvelopeContractTests.DocumentedQueueRequest, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(0, body.GetProperty("Logs").GetArrayLength());
        Assert.Equal("received 27 characters", body.GetProperty("ReturnValue").GetString());
        Assert.Contains(TestFunctions.QueueItems, item =>
            item.Item == "{ message: \"Message sent\" }" && item.DequeueCount == 1 && item.Id == "800ae4b3-bdd2-4c08-badd-f08e5a34b865");
    }

    [Fact]
    public async Task Invocation_NotAnEnvelope_Is400WithTheReasonInLogs()
    {
        HttpResponseMessage response = await _host.Client.PostAsync("/QueueTrigger", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Bad invocation request", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHttpRequest_ReachesTheFunctionWithoutASecondKeyCheck()
    {
        // The Functions host has already checked the key before forwarding the raw request.
        HttpResponseMessage response = await _host.Client.GetAsync("/api/hello/amal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello amal", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ManagementApi_BelowTheRoutePrefix_StillNeedsTheSystemKey()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.GetAsync("/api/runtime/webhooks/durabletask/instances")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync($"/api/runtime/webhooks/durabletask/instances?code={InMemoryHost.SystemKey}")).StatusCode);
    }
}
