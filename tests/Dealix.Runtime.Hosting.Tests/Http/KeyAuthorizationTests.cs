using System.Net;
using System.Text;

namespace Dealix.Runtime.Hosting.Tests.Http;

/// <summary>Auth levels of HTTP functions and the management API, over real HTTP.</summary>
public sealed class KeyAuthorizationTests : IAsyncLifetime
{
    private InMemoryHost _host = null!;

    public async Task InitializeAsync() => _host = await InMemoryHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Unauthorized)]
    [InlineData(InMemoryHost.SystemKey, HttpStatusCode.Unauthorized)]
    [InlineData(InMemoryHost.HostKey, HttpStatusCode.OK)]
    [InlineData(InMemoryHost.HelloKey, HttpStatusCode.OK)]
    public async Task FunctionLevelRoute_AcceptsHostAndFunctionKeysOnly(string? key, HttpStatusCode expected)
    {
        HttpResponseMessage response = await _host.Client.GetAsync(key is null ? "/api/hello/amal" : $"/api/hello/amal?code={key}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task FunctionKey_InHeader_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/hello/amal");
        request.Headers.Add("x-functions-key", InMemoryHost.HelloKey);

        HttpResponseMessage response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello amal", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnonymousRoute_NeedsNoKey_AndRouteDefaultsToTheFunctionName()
    {
        HttpResponseMessage response = await _host.Client.GetAsync("/api/Open");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("open", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ManagementApi_FunctionKeyIsNotEnough()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.GetAsync($"/runtime/webhooks/durabletask/instances?code={InMemoryHost.HostKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync($"/runtime/webhooks/durabletask/instances?code={InMemoryHost.SystemKey}")).StatusCode);
    }

    [Fact]
    public async Task HttpFunction_BodyOverTheLimit_Is413()
    {
        HttpResponseMessage response = await _host.Client.PostAsync($"/api/hello/amal?code={InMemoryHost.HostKey}",
            new StringContent(new string('x', 5000), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Cors_ConfiguredOrigin_IsAllowedAndOthersAreNot()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/Open");
        allowed.Headers.Add("Origin", "https://portal.dealix.example");
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/Open");
        other.Headers.Add("Origin", "https://evil.example");

        HttpResponseMessage allowedResponse = await _host.Client.SendAsync(allowed);
        HttpResponseMessage otherResponse = await _host.Client.SendAsync(other);

        Assert.Equal("https://portal.dealix.example", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
