using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals;

/// <summary>
/// Retry options of the deal area. L0 of the escalation ladder (§4.6): an automated step is retried, then the failure
/// surfaces with its logs. Sends are never retried here: the sender owns exactly-once.
/// </summary>
public static class Retries
{
    /// <summary>Table and queue writes: brief outages of storage.</summary>
    public static TaskOptions Storage { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>Classification: the classifier may load a model or call a second opinion.</summary>
    public static TaskOptions Classification { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2));

    /// <summary>Notifications to operators: retried twice, then the escalation itself is on the ledger.</summary>
    public static TaskOptions Notification { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMinutes(1), backoffCoefficient: 2));
}
