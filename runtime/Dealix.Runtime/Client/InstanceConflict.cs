using DurableTask.Core.Exceptions;

namespace Dealix.Runtime.Client;

/// <summary>
/// The error for starting an instance id that is still Pending, Running or Suspended: DurableTask.Core's
/// <see cref="OrchestrationAlreadyExistsException"/>, the type Microsoft's Azure Storage provider throws too, so
/// callers catch one type whichever engine runs the app.
/// </summary>
public static class InstanceConflict
{
    /// <summary>The exception for <paramref name="instanceId"/> being taken by an instance in <paramref name="status"/>.</summary>
    public static OrchestrationAlreadyExistsException Create(string instanceId, OrchestrationRuntimeStatus status) =>
        new($"An orchestration with instance id '{instanceId}' already exists and is {status}; it must end before the id can be reused.");
}
