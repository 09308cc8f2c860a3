namespace Dealix.Conformance.Tests.Engines;

/// <summary>Starts an engine by name with the given tasks registered.</summary>
public static class EngineFactory
{
    /// <param name="name">One of <see cref="EngineNames"/>.</param>
    /// <param name="tasks">Registers the orchestrators and activities.</param>
    /// <param name="storage">The connection string of the suite's Azurite, started on first use.</param>
    public static Task<IEngineUnderTest> StartAsync(string name, Action<DurableTaskRegistry> tasks, Func<Task<string>> storage) => name switch
    {
        EngineNames.MicrosoftInProcess => MicrosoftInProcessEngine.StartAsync(tasks),
        EngineNames.DealixInMemory => DealixInMemoryEngine.StartAsync(tasks),
        EngineNames.DealixAzurite => StartDealixAzuriteAsync(tasks, storage),
        EngineNames.DtfxAzureStorage => StartDtfxAzureStorageAsync(tasks, storage),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such engine"),
    };

    private static async Task<IEngineUnderTest> StartDealixAzuriteAsync(Action<DurableTaskRegistry> tasks, Func<Task<string>> storage) =>
        await DealixAzuriteEngine.StartAsync(await storage(), tasks);

    private static async Task<IEngineUnderTest> StartDtfxAzureStorageAsync(Action<DurableTaskRegistry> tasks, Func<Task<string>> storage) =>
        await DtfxAzureStorageEngine.StartAsync(await storage(), tasks);
}
