using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Support.Ports;

/// <summary>Every draft of every tenant still pending approval (the approval-SLA sweep of §18).</summary>
public interface IPendingApprovalScan
{
    /// <summary>The pending drafts, in no particular order.</summary>
    Task<IReadOnlyList<ReplyDraft>> ListPendingAsync(CancellationToken cancellationToken = default);
}
