namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>Settings section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>The queue outbound messages travel on.</summary>
    public string QueueName { get; set; } = "dealix-outbox";

    /// <summary>While the kill switch is on, a message is put back on the queue with this delay.</summary>
    public TimeSpan PausedRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A <c>sending</c> claim older than this belongs to a dead sender (longer than a live attempt with the providers'
    /// timeouts and retries takes). With the recovery timer's 10 s this keeps the recovery objective: every approved
    /// draft is sent or flagged within 60 s of a restart.
    /// </summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>An <c>approved</c> draft older than this (since its decision or last recovery) is queued again by the
    /// recovery timer: its decision event or its outbox message was lost with a process.</summary>
    public TimeSpan ApprovedGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Claims abandoned before the provider call are retried this many times in all, then the draft fails and
    /// an operator is told.</summary>
    public int MaxSendAttempts { get; set; } = 5;

    /// <summary>A send that certainly never reached the provider (it timed out before its request left) is tried again
    /// after this delay.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}
