using Dealix.Functions.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Deals;

/// <summary><c>GET /api/v1/openapi.json</c>: the OpenAPI 3 description of the deal routes. Anonymous; no data.</summary>
public static class OpenApiDocument
{
    public const string Name = "DealsOpenApi";

    [Function(Name)]
    public static Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/openapi.json")] HttpRequest request) =>
        Task.FromResult(Results.Text(DealsOpenApi.Json, "application/json"));
}
