using Dealix.Runtime.Hosting.Management;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

// The official helpers live in Microsoft.Azure.Functions.Worker; these mirror them for ASP.NET Core requests.
namespace Dealix.Azure.Functions.Worker;

/// <summary>HTTP helpers of the durable client, as in the Functions worker's <c>DurableTaskClientExtensions</c>.</summary>
public static class DurableTaskClientExtensions
{
    /// <summary>The management URLs of an instance, rooted at the request's host.</summary>
    public static HttpManagementPayload CreateHttpManagementPayload(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return request.HttpContext.RequestServices.GetRequiredService<ManagementUrls>().For(request, instanceId);
    }

    /// <summary>202 Accepted with <c>Location</c> = the status URL and the management payload as body.</summary>
    public static IResult CreateCheckStatusResponse(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        HttpManagementPayload payload = client.CreateHttpManagementPayload(request, instanceId);
        return new LocatedResult(Results.Json(payload, JsonResponse.Options, statusCode: StatusCodes.Status202Accepted), payload.StatusQueryGetUri);
    }

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
