using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// The deal slice's <see cref="IOperatorNotifier"/> with real channels: keeps the <c>Notifications</c> table row of
/// <see cref="TableOperatorNotifier"/> (the dashboard reads it) and sends the same event as an <see cref="OperatorAlert"/>:
/// an approval reminder (warning, to <c>team_lead</c>), an escalation (critical, to <c>founder</c>), or — for the outbox
/// sender's <c>send-unknown:{draftId}</c> key — a <c>send_unknown</c> outcome (critical, to <c>operator</c>).
/// </summary>
public sealed class AlertingOperatorNotifier(TableOperatorNotifier table, IOperatorAlerts alerts) : IOperatorNotifier
{
    /// <summary>The key prefix <c>OutboxSender</c> uses for a send whose outcome is unknown.</summary>
    public const string SendUnknownPrefix = "send-unknown:";

    public async Task<bool> NotifyAsync(string tenantId, string draftId, ApprovalStepKind kind, string correlationId, string idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        bool recorded = await table.NotifyAsync(tenantId, draftId, kind, correlationId, idempotencyKey, cancellationToken);
        await alerts.SendAsync(AlertFor(tenantId, draftId, kind, correlationId, idempotencyKey), cancellationToken);
        return recorded;
    }

    /// <summary>The alert for one notifier call (ids only).</summary>
    public static OperatorAlert AlertFor(string tenantId, string draftId, ApprovalStepKind kind, string correlationId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        string key = "deal-notify:" + idempotencyKey;
        if (idempotencyKey.StartsWith(SendUnknownPrefix, StringComparison.Ordinal))
        {
            return new OperatorAlert(tenantId, OperatorAlertKinds.SendUnknown, OperatorAlertSeverity.Critical,
                $"Send outcome unknown for draft {draftId}",
                $"The provider's answer for draft {draftId} was lost: it may or may not have reached the contact. Check with the provider " +
                $"before sending again; it is not retried automatically. Correlation {correlationId}.", key, "operator", OperatorLinks.SendUnknown(tenantId));
        }

        return kind == ApprovalStepKind.Reminder
            ? new OperatorAlert(tenantId, OperatorAlertKinds.ApprovalReminder, OperatorAlertSeverity.Warning,
                $"Draft {draftId} is waiting for approval", $"Draft {draftId} passed its approval-SLA warning point (§4.4). Correlation {correlationId}.",
                key, "team_lead", OperatorLinks.PendingApprovals(tenantId))
            : new OperatorAlert(tenantId, OperatorAlertKinds.ApprovalEscalation, OperatorAlertSeverity.Critical,
                $"Draft {draftId} breached its approval SLA", $"Draft {draftId} is still undecided past its approval SLA (§4.6 escalation). Correlation {correlationId}.",
                key, OperatorDirectory.Founder, OperatorLinks.PendingApprovals(tenantId));
    }
}
