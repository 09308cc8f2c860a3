namespace Dealix.Azure.Functions.Worker;

/// <summary>
/// Triggers a function on an HTTP request. The URL is <c>/{routePrefix}/{Route ?? function name}</c> (host.json
/// <c>extensions.http.routePrefix</c>, default <c>api</c>). Bind the request as ASP.NET Core <c>HttpRequest</c>; return an
/// <c>IResult</c>, a string or an object (serialized as JSON).
/// </summary>
public sealed class HttpTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>Any method, key of level Function required.</summary>
    public HttpTriggerAttribute()
    {
        AuthLevel = AuthorizationLevel.Function;
    }

    /// <summary>
    /// The given methods. Like the official attribute, this form leaves <see cref="AuthLevel"/> at Anonymous.
    /// </summary>
    public HttpTriggerAttribute(params string[] methods)
    {
        Methods = methods;
    }

    /// <summary>Any method at the given level.</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel)
    {
        AuthLevel = authLevel;
    }

    /// <summary>The given methods at the given level.</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    /// <summary>The route template below the route prefix (ASP.NET Core syntax); the function name when null.</summary>
    public string? Route { get; set; }

    /// <summary>The accepted methods; all when null or empty.</summary>
    public string[]? Methods { get; }

    /// <summary>The key required.</summary>
    public AuthorizationLevel AuthLevel { get; }
}
