namespace Dealix.Functions.EndToEndTests;

/// <summary>
/// Program.cs runs the official worker only when the Azure Functions host started the process, and our host otherwise;
/// the arguments below are the ones the host passes (RpcWorkerContext) and the ones our own command line takes.
/// </summary>
public sealed class FunctionsHostLaunchTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void IsLaunchedByFunctionsHost_HostWorkerArguments_IsTrue()
    {
        string[] args =
        [
            "--host", "127.0.0.1", "--port", "50051", "--workerId", "w1", "--requestId", "r1", "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", "http://127.0.0.1:50051/", "--functions-worker-id", "w1", "--functions-request-id", "r1",
            "--functions-grpc-max-message-length", "2147483647",
        ];

        Assert.True(FunctionsHostLaunch.IsLaunchedByFunctionsHost(args, NoEnvironment, nativeHost: false));
    }

    [Theory]
    [InlineData("--functions-uri=http://127.0.0.1:50051/")]
    [InlineData("--FUNCTIONS-URI")]
    public void IsLaunchedByFunctionsHost_HostEndpointInOtherSpelling_IsTrue(string argument) =>
        Assert.True(FunctionsHostLaunch.IsLaunchedByFunctionsHost([argument, "http://127.0.0.1:50051/"], NoEnvironment, nativeHost: false));

    [Theory]
    [InlineData("Functions__Worker__HostEndpoint")]
    [InlineData("AZURE_FUNCTIONS_Functions__Worker__HostEndpoint")]
    public void IsLaunchedByFunctionsHost_HostEndpointInEnvironment_IsTrue(string variable) =>
        Assert.True(FunctionsHostLaunch.IsLaunchedByFunctionsHost([], name => name == variable ? "http://127.0.0.1:50051/" : null, nativeHost: false));

    [Fact]
    public void IsLaunchedByFunctionsHost_NativePlaceholderHost_IsTrue() =>
        Assert.True(FunctionsHostLaunch.IsLaunchedByFunctionsHost([], NoEnvironment, nativeHost: true));

    [Theory]
    [InlineData("")]
    [InlineData("--port 7072")]
    [InlineData("durable get-instances --top 10")]
    [InlineData("generate-function-metadata publish")]
    public void IsLaunchedByFunctionsHost_OurCommandLine_IsFalse(string commandLine) =>
        Assert.False(FunctionsHostLaunch.IsLaunchedByFunctionsHost(
            commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            name => name == "FUNCTIONS_WORKER_RUNTIME" ? "dotnet-isolated" : null,
            nativeHost: false));
}
