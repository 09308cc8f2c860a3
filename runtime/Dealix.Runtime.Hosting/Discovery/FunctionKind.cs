namespace Dealix.Runtime.Hosting.Discovery;

/// <summary>What triggers a function.</summary>
public enum FunctionKind
{
    /// <summary>An HTTP request.</summary>
    Http,

    /// <summary>A schedule.</summary>
    Timer,

    /// <summary>A storage queue message.</summary>
    Queue,

    /// <summary>An orchestrator (run by the durable worker).</summary>
    Orchestration,

    /// <summary>An activity (run by the durable worker).</summary>
    Activity,
}
