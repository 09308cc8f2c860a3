using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>
/// A response a function builds with the worker's HTTP model: buffered (status, headers, cookies, body) until the
/// function returns, then written to the ASP.NET Core response by <see cref="WriteToAsync"/>.
/// </summary>
internal sealed class HostHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

    public override HttpHeadersCollection Headers { get; set; } = new();

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies => ResponseCookies;

    /// <summary>The cookies the function appended, in order.</summary>
    public HostHttpCookies ResponseCookies { get; } = new();

    /// <summary>Writes any worker response (ours or another implementation's) to <paramref name="http"/>.</summary>
    public static async Task WriteToAsync(HttpResponseData response, HttpContext http)
    {
        HttpResponse target = http.Response;
        target.StatusCode = (int)response.StatusCode;
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            target.Headers[header.Key] = header.Value.ToArray();
        }

        if (response.Cookies is HostHttpCookies cookies)
        {
            foreach (IHttpCookie cookie in cookies.Appended)
            {
                target.Cookies.Append(cookie.Name, cookie.Value, HostHttpCookies.OptionsOf(cookie));
            }
        }

        Stream body = response.Body;
        if (body.CanSeek)
        {
            body.Position = 0;
        }

        await body.CopyToAsync(target.Body, http.RequestAborted);
    }
}
