using System.Diagnostics;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Benchmarks;

/// <summary>
/// Wraps the app's real draft store and timestamps each new draft right after the underlying write to storage returned,
/// so the webhook workload sees the moment a draft row became visible without polling the table (polling would add its
/// interval to every sample and load Azurite's single thread). Only <see cref="CreateAsync"/> is observed; every call
/// goes to the real store unchanged.
/// </summary>
internal sealed class ObservedDraftStore(IDraftStore inner, DraftWrites writes) : IDraftStore
{
    public async Task CreateAsync(ReplyDraft draft, CancellationToken cancellationToken = default)
    {
        await inner.CreateAsync(draft, cancellationToken);
        writes.Written(draft, Stopwatch.GetTimestamp());
    }

    public Task<ReplyDraft?> GetAsync(string tenantId, string draftId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(tenantId, draftId, cancellationToken);

    public Task<DraftUpdate> TransitionAsync(
        string tenantId, string draftId, IReadOnlyCollection<DraftStatus> from, DraftStatus to, DraftChange change,
        CancellationToken cancellationToken = default) =>
        inner.TransitionAsync(tenantId, draftId, from, to, change, cancellationToken);

    public Task<DraftPage> ListAsync(string tenantId, DraftQuery query, CancellationToken cancellationToken = default) =>
        inner.ListAsync(tenantId, query, cancellationToken);

    public Task<IReadOnlyList<ReplyDraft>> ListForDealAsync(string tenantId, string dealInstanceId, CancellationToken cancellationToken = default) =>
        inner.ListForDealAsync(tenantId, dealInstanceId, cancellationToken);
}
