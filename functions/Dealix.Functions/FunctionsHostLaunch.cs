namespace Dealix.Functions;

/// <summary>
/// Tells whether the Azure Functions host started this process as its .NET isolated worker. The host passes the gRPC
/// endpoint as <c>--functions-uri</c> (next to <c>--functions-worker-id</c>, <c>--functions-request-id</c>,
/// <c>--functions-grpc-max-message-length</c> and the legacy <c>--host</c>/<c>--port</c>/<c>--workerId</c> copies); the
/// worker reads it as <c>Functions:Worker:HostEndpoint</c>, which an environment variable can also supply. The native
/// placeholder host (FunctionsNetHost) passes the same command line and sets <c>AZURE_FUNCTIONS_NATIVE_HOST</c>.
/// <c>FUNCTIONS_WORKER_RUNTIME</c> is no signal: it is an app setting every process on the instance sees.
/// </summary>
internal static class FunctionsHostLaunch
{
    private const string HostEndpointArgument = "--functions-uri";

    public static bool IsLaunchedByFunctionsHost(string[] args) =>
        IsLaunchedByFunctionsHost(args, Environment.GetEnvironmentVariable, AppContext.GetData("AZURE_FUNCTIONS_NATIVE_HOST") is not null);

    internal static bool IsLaunchedByFunctionsHost(string[] args, Func<string, string?> environment, bool nativeHost)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        return nativeHost
            || args.Any(a => a.Equals(HostEndpointArgument, StringComparison.OrdinalIgnoreCase)
                || a.StartsWith(HostEndpointArgument + "=", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("Functions__Worker__HostEndpoint"))
            || !string.IsNullOrEmpty(environment("AZURE_FUNCTIONS_Functions__Worker__HostEndpoint"));
    }
}
