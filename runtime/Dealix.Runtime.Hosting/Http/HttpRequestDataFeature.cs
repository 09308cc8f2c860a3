using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>
/// Gives an HTTP invocation one <see cref="HttpRequestData"/>: the one bound to a parameter is the one
/// <c>FunctionContext.GetHttpRequestDataAsync()</c> returns (that extension asks this feature).
/// </summary>
internal sealed class HttpRequestDataFeature(HttpRequest request) : IHttpRequestDataFeature
{
    private AspNetCoreHttpRequestData? _data;

    /// <summary>The request of <paramref name="context"/>, created on first use.</summary>
    public HttpRequestData For(FunctionContext context) => _data ??= new AspNetCoreHttpRequestData(context, request);

    public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) => ValueTask.FromResult<HttpRequestData?>(For(context));
}
