using System.Text.Json.Nodes;
using Dealix.Runtime.Hosting.CustomHandler;
using Dealix.Runtime.Hosting.Discovery;

namespace Dealix.Runtime.Hosting.Tests.CustomHandler;

/// <summary>The function.json files the Functions host reads in custom-handler mode.</summary>
public sealed class FunctionMetadataGeneratorTests
{
    private static readonly Dictionary<string, JsonObject> Generated =
        FunctionMetadataGenerator.Generate(FunctionCatalog.Discover([typeof(TestFunctions)])).ToDictionary(g => g.Name, g => g.FunctionJson);

    [Fact]
    public void HttpFunction_HasTriggerWithLevelMethodsRouteAndAnHttpOutput()
    {
        JsonArray bindings = Generated["Hello"]["bindings"]!.AsArray();

        Assert.Equal("httpTrigger", (string?)bindings[0]!["type"]);
        Assert.Equal("in", (string?)bindings[0]!["direction"]);
        Assert.Equal("req", (string?)bindings[0]!["name"]);
        Assert.Equal("function", (string?)bindings[0]!["authLevel"]);
        Assert.Equal(["get", "post"], bindings[0]!["methods"]!.AsArray().Select(m => (string?)m));
        Assert.Equal("hello/{name}", (string?)bindings[0]!["route"]);
        Assert.Equal("http", (string?)bindings[1]!["type"]);
        Assert.Equal("out", (string?)bindings[1]!["direction"]);
    }

    [Fact]
    public void TimerAndQueueFunctions_NameTheirBindingsAfterTheParameters()
    {
        JsonNode timer = Generated["TimerTrigger"]["bindings"]![0]!;
        JsonNode queue = Generated["QueueTrigger"]["bindings"]![0]!;

        Assert.Equal("timerTrigger", (string?)timer["type"]);
        Assert.Equal("myTimer", (string?)timer["name"]);
        Assert.Equal("0 */5 * * * *", (string?)timer["schedule"]);
        Assert.False((bool)timer["runOnStartup"]!);
        Assert.True((bool)timer["useMonitor"]!);
        Assert.Equal("queueTrigger", (string?)queue["type"]);
        Assert.Equal("myQueueItem", (string?)queue["name"]);
        Assert.Equal("messages-incoming", (string?)queue["queueName"]);
        Assert.Equal("AzureWebJobsStorage", (string?)queue["connection"]);
    }

    [Fact]
    public void ManagementApi_GetsAnAnonymousCatchAllProxy()
    {
        JsonNode proxy = Generated[FunctionMetadataGenerator.ManagementProxyName]["bindings"]![0]!;

        Assert.Equal("runtime/webhooks/durabletask/{*path}", (string?)proxy["route"]);
        Assert.Equal("anonymous", (string?)proxy["authLevel"]);
    }
}
