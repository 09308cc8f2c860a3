using System.Text.Json;
using Dealix.Functions.Infrastructure.OpenApi;
using Dealix.Runtime.Hosting.Discovery;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.EndToEndTests.SelfImprovement;

/// <summary>
/// Every HTTP route of the self-improvement loops (campaigns, loop runs, the audit export, the auto-action list and the
/// revert) is described in <c>GET /api/v1/openapi.json</c> with its method, and each described path parameter is one the
/// route has; the report kinds the document lists are the built ones.
/// </summary>
public sealed class LoopsOpenApiTests
{
    [Fact]
    public void LoopRoutes_AreInTheOpenApiDocument_WithTheirMethods()
    {
        using JsonDocument document = JsonDocument.Parse(DealsOpenApi.Json);
        JsonElement paths = document.RootElement.GetProperty("paths");
        FunctionDescriptor[] routes = [.. FunctionCatalog.Discover([typeof(DealixApp).Assembly])
            .Where(f => f.Kind == FunctionKind.Http && f.EntryPoint.Contains(".SelfImprovement.", StringComparison.Ordinal))];

        Assert.Equal(6, routes.Length);
        foreach (FunctionDescriptor function in routes)
        {
            var http = (HttpTriggerAttribute)function.Trigger!;
            string path = "/api/" + http.Route;
            Assert.True(paths.TryGetProperty(path, out JsonElement item), $"{function.Name}: {path} is not in the OpenAPI document");
            foreach (string method in http.Methods!)
            {
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out JsonElement operation), $"{function.Name}: {method} {path} is not described");
                string[] described = [.. operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!)];
                Assert.All(described, name => Assert.Contains("{" + name + "}", path, StringComparison.Ordinal));
                Assert.Equal(path.Count(ch => ch == '{'), described.Length);
            }
        }
    }

    [Fact]
    public void ReportKinds_InTheOpenApiDocument_AreTheBuiltOnes()
    {
        using JsonDocument document = JsonDocument.Parse(DealsOpenApi.Json);
        JsonElement kinds = document.RootElement.GetProperty("paths").GetProperty("/api/v1/reports/{kind}/run").GetProperty("post").GetProperty("parameters")[0]
            .GetProperty("schema").GetProperty("enum");

        Assert.Equal(Orchestrations.Reports.Rules.ReportKinds.All.Select(k => k.Name), kinds.EnumerateArray().Select(k => k.GetString()));
    }
}
