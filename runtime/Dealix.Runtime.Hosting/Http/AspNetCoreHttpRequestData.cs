using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>
/// The Functions worker's HTTP request model over an ASP.NET Core request, so that a function written with
/// <see cref="HttpRequestData"/> runs here as it does under the Functions host.
/// </summary>
internal sealed class AspNetCoreHttpRequestData(FunctionContext context, HttpRequest request) : HttpRequestData(context)
{
    private HttpHeadersCollection? _headers;
    private IReadOnlyCollection<IHttpCookie>? _cookies;
    private Uri? _url;

    /// <summary>The ASP.NET Core request behind this one.</summary>
    public HttpRequest Request => request;

    public override Stream Body => request.Body;

    public override HttpHeadersCollection Headers =>
        _headers ??= new HttpHeadersCollection(request.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value.Select(v => v ?? string.Empty))));

    public override IReadOnlyCollection<IHttpCookie> Cookies =>
        _cookies ??= [.. request.Cookies.Select(c => new HttpCookie(c.Key, c.Value))];

    // The Functions host hands the worker the full URL, query string included.
    public override Uri Url => _url ??= new(request.GetEncodedUrl());

    public override IEnumerable<ClaimsIdentity> Identities => request.HttpContext.User.Identities;

    public override string Method => request.Method;

    public override HttpResponseData CreateResponse() => new HostHttpResponseData(FunctionContext);
}
