namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// How an alert's link reads on a channel: an app path (<c>/api/v1/…</c>, see
/// <see cref="Orchestrations.Notifications.OperatorLinks"/>) becomes absolute against <c>Operators:PublicBaseUrl</c> when
/// it is configured (a base with a path, e.g. <c>https://ops.example/dealix/</c>, keeps it); an absolute link is kept.
/// </summary>
public static class AlertLinks
{
    /// <summary>The link to show for <paramref name="link"/> with <paramref name="publicBase"/> (null: as it is).</summary>
    public static string? Render(string? link, Uri? publicBase)
    {
        if (link is null || publicBase is null || !link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
        {
            return link;
        }

        return publicBase.AbsoluteUri.TrimEnd('/') + link;
    }

    /// <summary>Reads and checks the public base URL setting: absent, or an absolute http(s) URL without query or fragment.</summary>
    public static Uri? ReadBaseUrl(string? value, string setting, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            && uri.UserInfo.Length == 0)
        {
            return uri;
        }

        problems.Add($"{setting} must be an absolute http(s) URL without query, fragment or credentials (e.g. https://ops.example.com).");
        return null;
    }
}
