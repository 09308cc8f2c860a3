using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>
/// The keys of this host, from settings: <c>Keys:Master</c> (admin), <c>Keys:System</c> (the Durable Task
/// management API), <c>Keys:Host</c> (any Function-level route) and <c>Keys:Functions:{FunctionName}</c> (one function).
/// In local.settings.json <c>Values</c> they are written <c>Keys__Master</c>, <c>Keys__System</c> and so on. A key is
/// presented as <c>?code=</c> or the <c>x-functions-key</c> header. A level whose keys are not configured refuses every
/// request (fail closed). The app's operator keys (<c>Operators:Keys:{id}:Key</c>, or <c>:KeySha256</c> as 64 hex digits)
/// also open Function-level routes; which tenant each may act on is the app's concern.
/// </summary>
public sealed class HostKeys
{
    /// <summary>The request header carrying a key.</summary>
    public const string HeaderName = "x-functions-key";

    private readonly string? _master;
    private readonly string? _system;
    private readonly string? _host;
    private readonly IConfigurationSection _functions;
    private readonly IReadOnlyList<byte[]> _operators;

    /// <summary>Reads the keys from configuration.</summary>
    public HostKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _master = NonEmpty(configuration["Keys:Master"]);
        _system = NonEmpty(configuration["Keys:System"]);
        _host = NonEmpty(configuration["Keys:Host"]);
        _functions = configuration.GetSection("Keys:Functions");
        _operators = [.. configuration.GetSection("Operators:Keys").GetChildren()
            .Select(entry => NonEmpty(entry["Key"]) is { } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : OperatorHash(entry["KeySha256"]))
            .OfType<byte[]>()];
    }

    /// <summary>The system key (for the management URLs the API hands out), or null.</summary>
    public string? SystemKey => _system ?? _master;

    /// <summary>True when a key for the System level is configured.</summary>
    public bool HasSystemKey => SystemKey is not null;

    /// <summary>True when a key for Function-level routes is configured.</summary>
    public bool HasFunctionKeys => _host is not null || _master is not null || _operators.Count > 0 || _functions.GetChildren().Any();

    /// <summary>The key a request presents (<c>code</c> query first, then the header), or null.</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.TryGetValue("code", out var code) && code.Count > 0 && !string.IsNullOrEmpty(code[0]))
        {
            return code[0];
        }

        return request.Headers.TryGetValue(HeaderName, out var header) && header.Count > 0 && !string.IsNullOrEmpty(header[0]) ? header[0] : null;
    }

    /// <summary>Null when <paramref name="presented"/> opens <paramref name="level"/> for the function; otherwise why not.</summary>
    public string? Check(AuthorizationLevel level, string? functionName, string? presented)
    {
        if (level == AuthorizationLevel.Anonymous)
        {
            return null;
        }

        if (presented is null)
        {
            return "A key is required: pass it as the 'code' query parameter or the x-functions-key header.";
        }

        IEnumerable<string?> accepted = level switch
        {
            AuthorizationLevel.Admin => [_master],
            AuthorizationLevel.System => [_system, _master],
            _ => [_host, _master, functionName is null ? null : NonEmpty(_functions[functionName])],
        };
        bool valid = accepted.Any(key => key is not null && Same(key, presented));
        if (!valid && level is AuthorizationLevel.Function or AuthorizationLevel.User)
        {
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
            valid = _operators.Aggregate(false, (any, key) => CryptographicOperations.FixedTimeEquals(key, hash) | any);
        }

        return valid ? null : "The key is not valid for this route.";
    }

    private static byte[]? OperatorHash(string? hex) =>
        hex?.Trim() is { Length: 64 } h && h.All(Uri.IsHexDigit) ? Convert.FromHexString(h) : null;

    private static bool Same(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
