namespace Dealix.Orchestrations.BulkEmails.Contracts;

/// <summary>
/// Input of <see cref="BulkEmailOrchestrator"/>: the tenant's stored bulk e-mail, its approval draft, the request's
/// correlation id and time, and a line for the approver. After the approval (continue-as-new) it also carries the
/// approver and when the last message went to the provider (the pacing spans generations).
/// </summary>
// WARNING: persisted in history.
public sealed record BulkEmailInput(
    string TenantId, string BulkId, string ApprovalId, string CorrelationId, DateTime RequestedAt, string Summary,
    string? Approver = null, DateTime? LastSendAt = null, string? LastStatus = null);

/// <summary>Input of the per-recipient send: which bulk and prospect, under which correlation id, approved by whom.</summary>
// WARNING: persisted in history.
public sealed record BulkRecipientSend(string TenantId, string BulkId, string ProspectId, string CorrelationId, string Approver);

/// <summary>The next queued recipients of a bulk e-mail (ids only) and how many e-mails the tenant sent today (AST).</summary>
// WARNING: persisted in history.
public sealed record BulkBatch(IReadOnlyList<string> Queued, int EmailSentToday);

/// <summary>A status change of a bulk e-mail (<see cref="BulkEmailStatus"/>), with the approver or the time sending resumes.</summary>
// WARNING: persisted in history.
public sealed record BulkStatusChange(string TenantId, string BulkId, string Status, string CorrelationId, DateTime At, string? DecidedBy = null, DateTime? NextSendAt = null);
