using Dealix.Conformance.Tests.Scenarios;

namespace Dealix.Conformance.Tests.Engines;

/// <summary>
/// One running instance of each engine for the whole suite, started on first use with every scenario registered
/// (each test owns its instance ids, so they share a host), and all disposed at the end.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<IEngineUnderTest>> _engines = [];
    private readonly Lock _gate = new();
    private Task<AzuriteProcess>? _azurite;

    public Task<IEngineUnderTest> GetAsync(string name)
    {
        lock (_gate)
        {
            if (!_engines.TryGetValue(name, out Task<IEngineUnderTest>? engine))
            {
                engine = EngineFactory.StartAsync(name, ConformanceScenarios.RegisterAll, StorageAsync);
                _engines[name] = engine;
            }

            return engine;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>One Azurite for the Azure Storage engines, each on its own task hub.</summary>
    private async Task<string> StorageAsync()
    {
        lock (_gate)
        {
            _azurite ??= AzuriteProcess.StartAsync();
        }

        await _azurite;
        return AzuriteProcess.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        List<Task<IEngineUnderTest>> started;
        lock (_gate)
        {
            started = [.. _engines.Values];
        }

        foreach (Task<IEngineUnderTest> engine in started)
        {
            // An engine that failed to start has failed its tests with the reason already; nothing to stop.
            if (!engine.IsFaulted && !engine.IsCanceled)
            {
                await (await engine).DisposeAsync();
            }
        }

        if (_azurite is { IsCompletedSuccessfully: true })
        {
            await _azurite.Result.DisposeAsync();
        }
    }
}
