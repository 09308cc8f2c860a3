using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>
/// The <c>Drafts</c> table: drafts and their approval state, partitioned by tenant. Status changes are conditional on
/// the current status, so two deciders (an operator and the SLA expiry, two operators) cannot both win.
/// </summary>
public interface IDraftStore
{
    /// <summary>Stores a new draft; a second call with the same id changes nothing (activity retries).</summary>
    Task CreateAsync(ReplyDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The draft, or null when this tenant has no such draft.</summary>
    Task<ReplyDraft?> GetAsync(string tenantId, string draftId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the draft to <paramref name="to"/> if its status is one of <paramref name="from"/>, applying
    /// <paramref name="change"/>. Returns the stored draft after the call and whether this call moved it.
    /// </summary>
    Task<DraftUpdate> TransitionAsync(
        string tenantId, string draftId, IReadOnlyCollection<DraftStatus> from, DraftStatus to, DraftChange change,
        CancellationToken cancellationToken = default);

    /// <summary>One page of a tenant's drafts, newest first.</summary>
    Task<DraftPage> ListAsync(string tenantId, DraftQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every draft of one deal (for the evidence pack).</summary>
    Task<IReadOnlyList<ReplyDraft>> ListForDealAsync(string tenantId, string dealInstanceId, CancellationToken cancellationToken = default);
}
