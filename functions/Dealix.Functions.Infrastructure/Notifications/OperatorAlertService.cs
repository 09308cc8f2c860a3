using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// <see cref="IOperatorAlerts"/>: validates the alert, records it durably (once per idempotency key), then hands it to
/// delivery. Nothing is delivered before it is recorded.
/// </summary>
public sealed partial class OperatorAlertService(OperatorAlertStore store, TimeProvider clock, ILogger<OperatorAlertService> log) : IOperatorAlerts
{
    public async Task<bool> SendAsync(OperatorAlert alert, CancellationToken cancellationToken = default)
    {
        if (OperatorAlertValidation.Problem(alert) is { } problem)
        {
            throw new ArgumentException(problem, nameof(alert));
        }

        if (await store.RecordAsync(alert, clock.GetUtcNow(), cancellationToken))
        {
            Recorded(log, alert.Tenant, alert.Kind, alert.Severity, OperatorAlertStore.AlertId(alert));
        }

        return true;
    }

    [LoggerMessage(1700, LogLevel.Warning, "Operator alert recorded: tenant {TenantId}, {Kind} ({Severity}), alert {AlertId}")]
    private static partial void Recorded(ILogger logger, string tenantId, string kind, string severity, string alertId);
}
