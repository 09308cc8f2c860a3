namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>
/// One escalation level recorded once (the <c>Escalations</c> table): ticket SLA levels under
/// <c>sla:{tenant}:{ticket}:{priority}:{target}:{level}</c>, approval-SLA steps under
/// <c>approval-sla:{tenant}:{draft}:{step}</c>. <see cref="Alerted"/> is set once the alert went out, so a retry after
/// a crash between the two sends the alert again (the alert itself is idempotent by the same key).
/// </summary>
// WARNING: persisted in storage.
public sealed record EscalationRecord(
    string TenantId,
    string Key,
    string SubjectId,
    string Kind,
    string Level,
    string RecordedBy,
    DateTime RecordedAt,
    bool Alerted = false);
