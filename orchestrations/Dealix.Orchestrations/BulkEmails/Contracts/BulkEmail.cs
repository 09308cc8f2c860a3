namespace Dealix.Orchestrations.BulkEmails.Contracts;

/// <summary>
/// One bulk e-mail (§17.5): a subject and body approved once for a list of the tenant's prospects, stored in the
/// <c>BulkEmails</c> table (tenant = partition, bulk id = row) before its workflow starts. <see cref="RequestId"/> makes
/// the request idempotent (<see cref="ContentHash"/> tells a repeat from a different request with the same id);
/// <see cref="Status"/> is where it stands (<see cref="BulkEmailStatus"/>); <see cref="NextSendAt"/> is when sending
/// resumes while it waits for a send window, the daily cap or the kill switch.
/// </summary>
// WARNING: persisted in storage.
public sealed record BulkEmail
{
    public required string TenantId { get; init; }
    public required string BulkId { get; init; }
    public required string RequestId { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public required string CorrelationId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string Status { get; init; }

    /// <summary>The <c>loop_action</c> draft the approval center decides.</summary>
    public required string ApprovalId { get; init; }

    /// <summary>The guard's code (<c>bulk_email_over_100</c> or <c>customer_facing</c>) and reason.</summary>
    public required string VerdictCode { get; init; }
    public required string VerdictReason { get; init; }

    /// <summary>Recipients that passed every check and will be e-mailed once approved.</summary>
    public required int Recipients { get; init; }

    /// <summary>Recipients left out at the request (reasons on their rows).</summary>
    public required int Excluded { get; init; }
    public required string ContentHash { get; init; }
    public string? DecidedBy { get; init; }
    public DateTime? DecidedAt { get; init; }
    public DateTime? NextSendAt { get; init; }
    public DateTime? CompletedAt { get; init; }
}

/// <summary>The statuses of a <see cref="BulkEmail"/>.</summary>
public static class BulkEmailStatus
{
    public const string PendingApproval = "pending_approval";
    public const string Sending = "sending";
    public const string WaitingForSendWindow = "waiting_for_send_window";
    public const string DailyLimitReached = "daily_limit_reached";
    public const string Paused = "paused";
    public const string Completed = "completed";
    public const string Rejected = "rejected";
    public const string Expired = "expired";

    /// <summary>The approval ended without a send for another reason (refused by a red line, held by the kill switch past its limit).</summary>
    public const string NotSent = "not_sent";

    /// <summary>True for a status after which nothing more happens.</summary>
    public static bool IsFinal(string status) => status is Completed or Rejected or Expired or NotSent;
}
