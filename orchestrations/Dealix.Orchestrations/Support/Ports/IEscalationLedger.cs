using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Ports;

/// <summary>
/// Records each escalation level once (the <c>Escalations</c> table). The ticket orchestration, the approval
/// orchestration and the 5-minute sweep all go through it with the same keys, so whichever comes first escalates and
/// the others find it done.
/// </summary>
public interface IEscalationLedger
{
    /// <summary>Records the level; false when a record with its key already exists.</summary>
    Task<bool> TryRecordAsync(EscalationRecord record, CancellationToken cancellationToken = default);

    /// <summary>The record under <paramref name="key"/>, or null.</summary>
    Task<EscalationRecord?> GetAsync(string tenantId, string key, CancellationToken cancellationToken = default);

    /// <summary>Marks the record's alert as sent.</summary>
    Task MarkAlertedAsync(string tenantId, string key, CancellationToken cancellationToken = default);

    /// <summary>A tenant's records for one subject (ticket or draft), oldest first.</summary>
    Task<IReadOnlyList<EscalationRecord>> ListAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default);
}
