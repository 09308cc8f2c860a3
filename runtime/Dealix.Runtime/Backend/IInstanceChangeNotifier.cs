namespace Dealix.Runtime.Backend;

/// <summary>
/// Optional backend capability: wake a waiting client when an instance's state changes, instead of polling.
/// </summary>
public interface IInstanceChangeNotifier
{
    /// <summary>
    /// Completes when the instance's state changes, or after <paramref name="maxWait"/>, whichever is first. The wait
    /// covers changes from the moment of the call (registration is synchronous): call it before reading the state and
    /// await it after, so that no change between the read and the wait is missed. Cancelling ends the wait early.
    /// </summary>
    Task WaitForChangeAsync(string instanceId, TimeSpan maxWait, CancellationToken cancellation);
}
