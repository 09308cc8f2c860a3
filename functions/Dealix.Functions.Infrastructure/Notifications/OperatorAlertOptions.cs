namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>Settings section <c>Operators:Alerts</c>: the delivery queue and its retries.</summary>
public sealed class OperatorAlertOptions
{
    public const string Section = "Operators:Alerts";

    /// <summary>The queue deliveries travel on (the queue trigger in <c>OperatorAlertQueue</c> listens on the default).</summary>
    public string QueueName { get; set; } = "dealix-operator-alerts";

    /// <summary>Provider attempts per delivery before it is left <c>failed</c>.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second attempt; doubled for each later one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed delivery belongs to its sender; after that a sender is presumed dead.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);
}
