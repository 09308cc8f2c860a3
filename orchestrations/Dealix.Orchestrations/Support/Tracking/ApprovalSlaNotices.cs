using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Support.Tracking;

/// <summary>
/// One approval-SLA step of one draft (§4.4: <c>warning</c> reminds the team lead, <c>breach</c> escalates to the
/// founder), done once whoever gets there first: the draft's own approval orchestration (<c>NotifyOperator</c>) or the
/// 5-minute sweep. Both use the key <c>approval-sla:{tenant}:{draft}:{step}</c> for the escalation record, the
/// notification and the ledger line, so neither can notify twice.
/// </summary>
public static class ApprovalSlaNotices
{
    /// <summary>Records (if new), notifies (idempotent by key) and writes the ledger line. Returns whether the
    /// notification is delivered and whether this call was the first to record the step.</summary>
    public static async Task<(bool Delivered, bool RecordedHere)> NotifyAsync(IOperatorNotifier notifier, IAuditLedger ledger,
        IEscalationLedger? escalations, DateTime now, string tenantId, string draftId, ApprovalStepKind kind, string correlationId, string recordedBy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(ledger);
        string key = TicketKeys.ApprovalSlaKey(tenantId, draftId, kind);
        bool recordedHere = false;
        if (escalations is not null)
        {
            EscalationRecord? existing = await escalations.GetAsync(tenantId, key, cancellationToken);
            if (existing is { Alerted: true })
            {
                return (true, false);
            }

            recordedHere = existing is null && await escalations.TryRecordAsync(new EscalationRecord(tenantId, key, draftId, "approval_sla",
                kind == ApprovalStepKind.Reminder ? "warning" : "breach", recordedBy, now), cancellationToken);
        }

        bool delivered = await notifier.NotifyAsync(tenantId, draftId, kind, correlationId, key, cancellationToken);
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(key), tenantId, correlationId,
            kind == ApprovalStepKind.Reminder ? "approval_reminder" : "approval_escalation", "A", "automation",
            draftId, now, ApprovalId: draftId,
            To: kind == ApprovalStepKind.Reminder ? "team_lead" : "founder", Reason: recordedBy, Outcome: delivered ? "notified" : "not_delivered"),
            cancellationToken);
        if (delivered && escalations is not null)
        {
            await escalations.MarkAlertedAsync(tenantId, key, cancellationToken);
        }

        return (delivered, recordedHere);
    }
}
