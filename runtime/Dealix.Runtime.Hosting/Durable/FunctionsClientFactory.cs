using System.Reflection;
using Dealix.Runtime.Hosting.Management;
using Microsoft.AspNetCore.Http;

namespace Dealix.Runtime.Hosting.Durable;

/// <summary>
/// Makes the <c>[DurableClient]</c> a function receives what the Functions worker hands out: the Durable extension's
/// own client wrapper, carrying the management API's base URL and its <c>taskHub/connection/code</c> query string,
/// so that the extension's helpers (<c>CreateCheckStatusResponse</c>, <c>CreateHttpManagementPayload</c>) build the
/// same URLs here as on Azure Functions.
/// </summary>
/// <remarks>
/// The wrapper type is internal to Microsoft.Azure.Functions.Worker.Extensions.DurableTask (pinned centrally); it is
/// created by reflection over its one constructor (inner client, query string, base URL). When a future version
/// changes that, the host hands out its own client and the helpers return URLs without the key; a host test pins it.
/// </remarks>
internal static class FunctionsClientFactory
{
    private static readonly ConstructorInfo? WrapperConstructor = typeof(Microsoft.Azure.Functions.Worker.DurableClientAttribute).Assembly
        .GetType("Microsoft.Azure.Functions.Worker.FunctionsDurableTaskClient")
        ?.GetConstructor([typeof(DurableTaskClient), typeof(string), typeof(string)]);

    /// <summary>True when the extension's wrapper could be found.</summary>
    public static bool CanWrap => WrapperConstructor is not null;

    /// <summary>The client for one invocation: the wrapper around <paramref name="inner"/>, or <paramref name="inner"/>.</summary>
    public static DurableTaskClient For(DurableTaskClient inner, ManagementUrls urls, HttpRequest? request, string? fallbackBaseUrl)
    {
        string? root = request is null ? fallbackBaseUrl : $"{request.Scheme}://{request.Host}";
        string? baseUrl = root is null ? null : $"{root.TrimEnd('/')}{ManagementUrls.BasePath}";
        return WrapperConstructor?.Invoke([inner, urls.Query(), baseUrl]) as DurableTaskClient ?? inner;
    }
}
