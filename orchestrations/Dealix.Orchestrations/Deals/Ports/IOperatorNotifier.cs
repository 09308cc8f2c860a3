using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>Tells people about a draft waiting too long: a reminder goes to the team lead, an escalation to the
/// founder (§4.4, §4.6).</summary>
public interface IOperatorNotifier
{
    /// <summary>Sends the notification once per <paramref name="idempotencyKey"/>; true when delivered or already delivered.</summary>
    Task<bool> NotifyAsync(string tenantId, string draftId, ApprovalStepKind kind, string correlationId, string idempotencyKey,
        CancellationToken cancellationToken = default);
}
