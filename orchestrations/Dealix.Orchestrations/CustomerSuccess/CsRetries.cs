using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess;

/// <summary>Retry options of the customer-success area (L0 of §4.6: retried, then the failure surfaces).</summary>
public static class CsRetries
{
    /// <summary>Table writes, task creation and alerts: brief outages of storage or of the alert channel.</summary>
    public static TaskOptions Storage { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));
}
