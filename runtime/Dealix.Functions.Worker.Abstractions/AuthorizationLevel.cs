namespace Dealix.Azure.Functions.Worker;

/// <summary>Which key an HTTP request must present. Values match Azure Functions.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key.</summary>
    Anonymous = 0,

    /// <summary>Authenticated user (treated as Function by this host: there is no App Service authentication locally).</summary>
    User = 1,

    /// <summary>A key of the function, a host key or the master key.</summary>
    Function = 2,

    /// <summary>A system key or the master key.</summary>
    System = 3,

    /// <summary>The master key only.</summary>
    Admin = 4,
}
