using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Runtime.Hosting.Tests;

/// <summary>Functions shaped like the custom-handler documentation's examples, recording what they receive.</summary>
public static class TestFunctions
{
    public static ConcurrentQueue<(string Item, long DequeueCount, string? Id)> QueueItems { get; } = new();

    public static ConcurrentQueue<TimerInfo> Timers { get; } = new();

    [Function("QueueTrigger")]
    public static string OnMessage([QueueTrigger("messages-incoming")] string myQueueItem, long dequeueCount, string? id)
    {
        QueueItems.Enqueue((myQueueItem, dequeueCount, id));
        return $"received {myQueueItem.Length} characters";
    }

    [Function("TimerTrigger")]
    public static void OnTimer([TimerTrigger("0 */5 * * * *", RunOnStartup = false)] TimerInfo myTimer) => Timers.Enqueue(myTimer);

    [Function("Hello")]
    public static IResult Hello([HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = "hello/{name}")] HttpRequest req, string name) =>
        Results.Text($"Hello {name}");

    [Function("Open")]
    public static string Open([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req) => "open";

    /// <summary>The worker's own HTTP model: echoes what it was given, sets a header and a cookie, answers 201 with JSON.</summary>
    [Function("ClassicEcho")]
    public static async Task<HttpResponseData> ClassicEcho(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "classic/{name}")] HttpRequestData req, string name, FunctionContext context)
    {
        string body = await req.ReadAsStringAsync() ?? string.Empty;
        HttpRequestData? fromContext = await context.GetHttpRequestDataAsync();
        HttpResponseData response = req.CreateResponse(HttpStatusCode.Created);
        response.Headers.Add("X-Echo", req.Headers.TryGetValues("X-Probe", out IEnumerable<string>? probe) ? probe : ["none"]);
        response.Cookies.Append(new Microsoft.Azure.Functions.Worker.Http.HttpCookie("seen", req.Cookies.Single(c => c.Name == "session").Value)
        {
            HttpOnly = true,
            Path = "/api",
        });
        await response.WriteAsJsonAsync(new
        {
            Name = name,
            req.Method,
            Url = req.Url.ToString(),
            Query = req.Query["q"],
            Body = body,
            SameRequest = ReferenceEquals(fromContext, req),
        });
        return response;
    }

    /// <summary>Answers its input: the orchestration the classic starters below start.</summary>
    [Function("EchoOrchestrator")]
    public static string EchoOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) => $"echo {context.GetInput<string>()}";

    /// <summary>The Durable extension's synchronous check-status response over the worker's HTTP model.</summary>
    [Function("ClassicCheckStatus")]
    public static async Task<HttpResponseData> ClassicCheckStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "classic-check")] HttpRequestData req, [DurableClient] DurableTaskClient client)
    {
        string id = await client.ScheduleNewOrchestrationInstanceAsync("EchoOrchestrator", "check");
        return client.CreateCheckStatusResponse(req, id);
    }

    /// <summary>The Durable extension's wait-then-respond helper over the worker's HTTP model.</summary>
    [Function("ClassicWait")]
    public static async Task<HttpResponseData> ClassicWait(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "classic-wait")] HttpRequestData req, [DurableClient] DurableTaskClient client)
    {
        string id = await client.ScheduleNewOrchestrationInstanceAsync("EchoOrchestrator", "wait");
        return await client.WaitForCompletionOrCreateCheckStatusResponseAsync(req, id, TimeSpan.FromSeconds(30), false, true);
    }
}
