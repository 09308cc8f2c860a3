namespace Dealix.Orchestrations.BulkEmails.Contracts;

/// <summary>
/// One prospect of a bulk e-mail (the <c>BulkEmailRecipients</c> table: partition = tenant and bulk id, row = prospect
/// id): <c>queued</c> until its message is decided, then <c>sent</c>, <c>simulated</c> (live e-mail off), <c>skipped</c>
/// (with a reason: opted out since the request, suppressed, a manual channel, the bulk rejected…) or <c>failed</c>;
/// <c>excluded</c> when a check left it out at the request (<see cref="Reason"/> lists the codes). <see cref="DraftId"/> is
/// its own approved draft, created just before its send.
/// </summary>
// WARNING: persisted in storage.
public sealed record BulkRecipient(string TenantId, string BulkId, string ProspectId, string Status, string? Reason = null, string? DraftId = null, DateTime? UpdatedAt = null)
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Simulated = "simulated";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string Excluded = "excluded";
}
