using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Http;
using WorkerSameSite = Microsoft.Azure.Functions.Worker.Http.SameSite;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>The cookies of a <see cref="HostHttpResponseData"/>, kept until the host writes the response.</summary>
internal sealed class HostHttpCookies : HttpCookies
{
    private readonly List<IHttpCookie> _appended = [];

    /// <summary>The cookies appended so far, in order.</summary>
    public IReadOnlyList<IHttpCookie> Appended => _appended;

    public override void Append(string name, string value) => _appended.Add(new HttpCookie(name, value));

    public override void Append(IHttpCookie cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        _appended.Add(cookie);
    }

    public override IHttpCookie CreateNew() => new HttpCookie(string.Empty, string.Empty);

    /// <summary>The ASP.NET Core options of a worker cookie (unset attributes stay unset).</summary>
    public static CookieOptions OptionsOf(IHttpCookie cookie)
    {
        var options = new CookieOptions
        {
            Domain = cookie.Domain,
            Path = cookie.Path,
            Expires = cookie.Expires,
            HttpOnly = cookie.HttpOnly ?? false,
            Secure = cookie.Secure ?? false,
            SameSite = cookie.SameSite switch
            {
                WorkerSameSite.Lax => SameSiteMode.Lax,
                WorkerSameSite.Strict => SameSiteMode.Strict,
                WorkerSameSite.ExplicitNone => SameSiteMode.None,
                _ => SameSiteMode.Unspecified,
            },
        };
        if (cookie.MaxAge is { } seconds)
        {
            options.MaxAge = TimeSpan.FromSeconds(seconds);
        }

        return options;
    }
}
