using System.Collections.Concurrent;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Functions.Infrastructure.Tests.Infrastructure;

/// <summary>
/// Stateful in-memory stand-ins for the deal area's storage ports (drafts, ledger, suppression, evidence packs), with
/// the same conditional semantics as the table stores, so orchestrator tests can assert outcomes.
/// </summary>
public sealed class InMemoryDealStores : IDraftStore, IAuditLedger, ISuppressionList, IEvidencePackStore
{
    private readonly ConcurrentDictionary<(string, string), ReplyDraft> _drafts = new();
    private readonly ConcurrentDictionary<(string, string), AuditEntry> _ledger = new();
    private readonly ConcurrentDictionary<(string, MessageChannel, string), SuppressionRecord> _suppressed = new();
    private readonly ConcurrentDictionary<(string, string), EvidencePack> _packs = new();
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, long> _order = new();
    private long _sequence;

    /// <summary>Drafts in the order they were created.</summary>
    public IReadOnlyList<ReplyDraft> Drafts => [.. _drafts.Values.OrderBy(d => _order[d.DraftId])];

    /// <summary>Ledger lines in the order they were appended.</summary>
    public IReadOnlyList<AuditEntry> Ledger => [.. _ledger.Values.OrderBy(e => _order[e.EntryId])];

    public IReadOnlyList<EvidencePack> Packs => [.. _packs.Values];

    public Task CreateAsync(ReplyDraft draft, CancellationToken cancellationToken = default)
    {
        if (_drafts.TryAdd((draft.TenantId, draft.DraftId), draft))
        {
            _order[draft.DraftId] = Interlocked.Increment(ref _sequence);
        }

        return Task.CompletedTask;
    }

    public Task<ReplyDraft?> GetAsync(string tenantId, string draftId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_drafts.TryGetValue((tenantId, draftId), out ReplyDraft? d) ? d : null);

    public Task<DraftUpdate> TransitionAsync(string tenantId, string draftId, IReadOnlyCollection<DraftStatus> from, DraftStatus to, DraftChange change,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_drafts.TryGetValue((tenantId, draftId), out ReplyDraft? current))
            {
                return Task.FromResult(new DraftUpdate(null, false));
            }

            if (!from.Contains(current.Status))
            {
                return Task.FromResult(new DraftUpdate(current, false));
            }

            ReplyDraft next = current with
            {
                Status = to,
                Reviewer = change.Reviewer ?? current.Reviewer,
                DecidedAt = change.At ?? current.DecidedAt,
                DecisionReason = change.Reason ?? current.DecisionReason,
                Text = change.EditedText ?? current.Text,
                ProviderMessageId = change.ProviderMessageId ?? current.ProviderMessageId,
                Template = change.Template ?? current.Template,
            };
            _drafts[(tenantId, draftId)] = next;
            return Task.FromResult(new DraftUpdate(next, true));
        }
    }

    public Task<DraftPage> ListAsync(string tenantId, DraftQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DraftPage([.. Drafts.Where(d => d.TenantId == tenantId && (query.Status is null || d.Status == query.Status))], null));

    public Task<IReadOnlyList<ReplyDraft>> ListForDealAsync(string tenantId, string dealInstanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReplyDraft>>([.. Drafts.Where(d => d.TenantId == tenantId && d.DealInstanceId == dealInstanceId)]);

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        if (_ledger.TryAdd((entry.TenantId, entry.EntryId), entry))
        {
            _order[entry.EntryId] = Interlocked.Increment(ref _sequence);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, string? correlationId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. Ledger.Where(e => e.TenantId == tenantId && (correlationId is null || e.CorrelationId == correlationId))]);

    public Task<SuppressionRecord?> FindAsync(string tenantId, MessageChannel channel, string address, CancellationToken cancellationToken = default) =>
        Task.FromResult(_suppressed.TryGetValue((tenantId, channel, address), out SuppressionRecord? r) ? r : null);

    public Task AddAsync(SuppressionRecord record, CancellationToken cancellationToken = default)
    {
        _suppressed.TryAdd((record.TenantId, record.Channel, record.Address), record);
        return Task.CompletedTask;
    }

    public Task<EvidencePack> SaveOnceAsync(EvidencePack pack, CancellationToken cancellationToken = default) =>
        Task.FromResult(_packs.GetOrAdd((pack.TenantId, pack.DealId), pack));

    Task<EvidencePack?> IEvidencePackStore.GetAsync(string tenantId, string dealId, CancellationToken cancellationToken) =>
        Task.FromResult(_packs.TryGetValue((tenantId, dealId), out EvidencePack? p) ? p : null);
}
