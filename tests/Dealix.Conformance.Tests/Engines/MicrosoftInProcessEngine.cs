using Microsoft.DurableTask.Testing;

namespace Dealix.Conformance.Tests.Engines;

/// <summary>The reference engine: Microsoft's in-process test host (DurableTask.Core's in-memory service behind a gRPC sidecar).</summary>
public sealed class MicrosoftInProcessEngine : IEngineUnderTest
{
    private readonly DurableTaskTestHost _host;

    private MicrosoftInProcessEngine(DurableTaskTestHost host) => _host = host;

    public string Name => EngineNames.MicrosoftInProcess;

    public DurableTaskClient Client => _host.Client;

    public static async Task<IEngineUnderTest> StartAsync(Action<DurableTaskRegistry> tasks)
    {
        // The host's gRPC sidecar is a default ASP.NET Core host that logs every request to the console; its
        // configuration reads environment variables, and nothing else in this process does.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        return new MicrosoftInProcessEngine(await DurableTaskTestHost.StartAsync(tasks));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
