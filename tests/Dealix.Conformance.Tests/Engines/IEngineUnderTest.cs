namespace Dealix.Conformance.Tests.Engines;

/// <summary>
/// A running Durable Task engine with every conformance scenario registered, seen only through the official
/// <see cref="DurableTaskClient"/>: the scenarios cannot tell which engine they run on.
/// </summary>
public interface IEngineUnderTest : IAsyncDisposable
{
    /// <summary>One of <see cref="EngineNames"/>.</summary>
    string Name { get; }

    DurableTaskClient Client { get; }
}
