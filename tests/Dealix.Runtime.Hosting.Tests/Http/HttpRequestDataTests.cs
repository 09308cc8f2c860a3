using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Dealix.Runtime.Hosting.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;
using WorkerCookie = Microsoft.Azure.Functions.Worker.Http.HttpCookie;

namespace Dealix.Runtime.Hosting.Tests.Http;

/// <summary>The worker's HTTP model (<see cref="HttpRequestData"/>, <see cref="HttpResponseData"/>) over ASP.NET Core.</summary>
public sealed class HttpRequestDataTests
{
    private static readonly FunctionContext Context = new Mock<FunctionContext>().Object;

    [Fact]
    public async Task Request_OverAspNetCoreRequest_ExposesMethodUrlHeadersCookiesBodyAndIdentities()
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "PUT";
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("dealix.example", 8443);
        http.Request.PathBase = "/api";
        http.Request.Path = "/deals/d 1";
        http.Request.QueryString = new QueryString("?tenant=t-1&q=a%26b");
        http.Request.Headers["X-Tenant"] = new[] { "t-1", "t-2" };
        http.Request.Headers.Cookie = "session=abc; theme=dark";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("مرحبا"));
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "huda")], "test"));

        var request = new AspNetCoreHttpRequestData(Context, http.Request);

        Assert.Equal("PUT", request.Method);
        Assert.Equal("https://dealix.example:8443/api/deals/d%201?tenant=t-1&q=a%26b", request.Url.AbsoluteUri);
        Assert.Equal("a&b", request.Query["q"]);
        Assert.Equal(["t-1", "t-2"], request.Headers.GetValues("X-Tenant"));
        Assert.Equal([("session", "abc"), ("theme", "dark")], request.Cookies.Select(c => (c.Name, c.Value)).OrderBy(c => c.Name));
        Assert.Equal("مرحبا", await request.ReadAsStringAsync());
        Assert.Equal("huda", Assert.Single(request.Identities).Name);
        Assert.Same(Context, request.FunctionContext);
    }

    [Fact]
    public async Task Response_WrittenToAspNetCore_CarriesStatusHeadersCookiesAndBody()
    {
        var request = new AspNetCoreHttpRequestData(Context, new DefaultHttpContext().Request);
        HttpResponseData response = request.CreateResponse(HttpStatusCode.Accepted);
        response.Headers.Add("Location", "https://dealix.example/status/1");
        response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
        response.Cookies.Append("plain", "1");
        response.Cookies.Append(new WorkerCookie("session", "xyz")
        {
            HttpOnly = true,
            Secure = true,
            Path = "/api",
            SameSite = Microsoft.Azure.Functions.Worker.Http.SameSite.Strict,
            MaxAge = 60,
        });
        await response.WriteStringAsync("accepted");
        var http = new DefaultHttpContext();
        var body = new MemoryStream();
        http.Response.Body = body;

        await HostHttpResponseData.WriteToAsync(response, http);

        Assert.Equal(StatusCodes.Status202Accepted, http.Response.StatusCode);
        Assert.Equal("https://dealix.example/status/1", http.Response.Headers.Location.ToString());
        Assert.Equal("text/plain; charset=utf-8", http.Response.ContentType);
        string[] cookies = [.. http.Response.Headers.SetCookie.Select(c => c!)];
        Assert.Equal(2, cookies.Length);
        Assert.StartsWith("plain=1", cookies[0], StringComparison.Ordinal);
        Assert.Contains("session=xyz", cookies[1], StringComparison.Ordinal);
        Assert.Contains("max-age=60", cookies[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api", cookies[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookies[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookies[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookies[1], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("accepted", Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task ClassicFunction_OverHttp_BindsTheRequestAndWritesItsResponseWithTheWorkerSerializer()
    {
        await using InMemoryHost host = await InMemoryHost.StartAsync();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/classic/amal?q=deals")
        {
            Content = new StringContent("hello body", Encoding.UTF8, "text/plain"),
        };
        message.Headers.Add("X-Probe", "p-1");
        message.Headers.Add("Cookie", "session=s-9");

        HttpResponseMessage response = await host.Client.SendAsync(message);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["p-1"], response.Headers.GetValues("X-Echo"));
        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("seen=s-9", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        // The worker's default serializer has no naming policy: property names as declared.
        JsonElement echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("amal", echo.GetProperty("Name").GetString());
        Assert.Equal("POST", echo.GetProperty("Method").GetString());
        Assert.Equal($"{host.Client.BaseAddress}api/classic/amal?q=deals", echo.GetProperty("Url").GetString());
        Assert.Equal("deals", echo.GetProperty("Query").GetString());
        Assert.Equal("hello body", echo.GetProperty("Body").GetString());
        Assert.True(echo.GetProperty("SameRequest").GetBoolean());
    }

    [Fact]
    public async Task CreateCheckStatusResponse_OverTheWorkerModel_Answers202WithLocationAndTheManagementUrls()
    {
        await using InMemoryHost host = await InMemoryHost.StartAsync();

        HttpResponseMessage response = await host.Client.PostAsync("/api/classic-check", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        JsonElement payload = await response.Content.ReadFromJsonAsync<JsonElement>();
        string status = payload.GetProperty("StatusQueryGetUri").GetString()!;
        Assert.Equal(status, response.Headers.Location?.ToString());
        Assert.StartsWith($"{host.Client.BaseAddress}runtime/webhooks/durabletask/instances/{payload.GetProperty("Id").GetString()}?", status, StringComparison.Ordinal);
        Assert.Contains($"code={InMemoryHost.SystemKey}", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCompletionOrCreateCheckStatusResponse_InstanceCompletesInTime_Answers200WithItsOutput()
    {
        await using InMemoryHost host = await InMemoryHost.StartAsync();

        HttpResponseMessage response = await host.Client.PostAsync("/api/classic-wait", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("echo wait", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
