using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>
/// <see cref="ISupportAlerts"/> over the shared Operator alerts contract: SLA warnings and breaches, P0 pages and
/// approval-SLA steps reach the role on its real channels (e-mail, WhatsApp, team-chat webhook), once per idempotency
/// key, with their link (the ticket route; rendered absolute when <c>Operators:PublicBaseUrl</c> is set).
/// </summary>
public sealed class OperatorAlertsSupportAlerts(IOperatorAlerts alerts) : ISupportAlerts
{
    public Task<bool> SendAsync(SupportAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        string? link = OperatorLinks.IsValid(alert.Link) ? alert.Link : null;
        return alerts.SendAsync(new OperatorAlert(alert.Tenant, alert.Kind, alert.Severity, alert.Title, alert.Body, alert.IdempotencyKey, alert.OwnerRole, link),
            cancellationToken);
    }
}
