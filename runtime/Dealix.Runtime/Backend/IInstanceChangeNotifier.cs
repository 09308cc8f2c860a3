namespace Dealix.DurableTask.Backend;

/// <summary>
/// Optional backend capability: wake a waiting client when an instance's state changes, instead of polling.
/// </summary>
public interface IInstanceChangeNotifier
{
    /// <summary>Completes when the instance's state changes, or after <paramref name="maxWait"/>, whichever is first.</summary>
    Task WaitForChangeAsync(string instanceId, TimeSpan maxWait, CancellationToken cancellation);
}
