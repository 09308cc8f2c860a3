namespace Dealix.Conformance.Tests.Engines;

/// <summary>Starts an engine by name with the given tasks registered.</summary>
public static class EngineFactory
{
    public static Task<IEngineUnderTest> StartAsync(string name, Action<DurableTaskRegistry> tasks) => name switch
    {
        EngineNames.MicrosoftInProcess => MicrosoftInProcessEngine.StartAsync(tasks),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such engine"),
    };
}
