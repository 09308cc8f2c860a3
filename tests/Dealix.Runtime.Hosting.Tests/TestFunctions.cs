using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

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
}
