using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Ports;

/// <summary>
/// Tells an operator role about a support event (SLA warnings and breaches, a P0 ticket, approval-SLA steps found by
/// the sweep). Sends once per <see cref="SupportAlert.IdempotencyKey"/>. The lead connects it to the shared Operator
/// alerts contract (<c>IOperatorAlerts</c>); until then alerts go to the <c>Notifications</c> table.
/// </summary>
public interface ISupportAlerts
{
    /// <summary>True when delivered, or already delivered for that key.</summary>
    Task<bool> SendAsync(SupportAlert alert, CancellationToken cancellationToken = default);
}
