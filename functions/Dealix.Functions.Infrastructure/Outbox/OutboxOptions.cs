namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>Settings section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>The queue outbound messages travel on.</summary>
    public string QueueName { get; set; } = "dealix-outbox";

    /// <summary>While the kill switch is on, a message is put back on the queue with this delay.</summary>
    public TimeSpan PausedRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
