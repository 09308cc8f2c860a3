using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals.Connectors;

/// <summary>Retry options of the deal connector actions (L0 of §4.6: retried twice, then the failure surfaces).</summary>
public static class Retries
{
    /// <summary>Table writes and reads.</summary>
    public static TaskOptions Storage => Deals.Retries.Storage;

    /// <summary>A provider call: transient failures (5xx, timeouts) retried twice; a permanent refusal is an outcome, not a failure.</summary>
    public static TaskOptions Provider { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(30), backoffCoefficient: 2));
}
