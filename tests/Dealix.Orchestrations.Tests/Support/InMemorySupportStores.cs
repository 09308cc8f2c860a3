using System.Collections.Concurrent;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Tests.Deals;

namespace Dealix.Orchestrations.Tests.Support;

/// <summary>Stateful in-memory stand-ins for the support ports, with the same once-per-key and validation semantics as
/// the table stores.</summary>
public sealed class InMemorySupportStores(InMemoryDealStores deals) : ITicketStore, ISlaLogStore, IEscalationLedger, ISupportAlerts, IIncidentTrigger,
    IPendingApprovalScan
{
    private readonly ConcurrentDictionary<(string, string), SupportTicket> _tickets = new();
    private readonly Dictionary<(string, string), List<(SlaEvent Event, string Key)>> _log = [];
    private readonly ConcurrentDictionary<(string, string), EscalationRecord> _escalations = new();
    private readonly ConcurrentDictionary<string, SupportAlert> _alerts = new();
    private readonly ConcurrentDictionary<(string, string), IncidentOpenRequest> _incidents = new();
    private readonly List<string> _alertOrder = [];

    public IReadOnlyList<SupportAlert> Alerts
    {
        get
        {
            lock (_alertOrder)
            {
                return [.. _alertOrder.Select(k => _alerts[k])];
            }
        }
    }

    public IReadOnlyList<IncidentOpenRequest> Incidents => [.. _incidents.Values];

    public IReadOnlyList<EscalationRecord> Escalations => [.. _escalations.Values.OrderBy(e => e.RecordedAt).ThenBy(e => e.Key, StringComparer.Ordinal)];

    public IReadOnlyList<SlaEvent> Log(string tenantId, string ticketId)
    {
        lock (_log)
        {
            return _log.TryGetValue((tenantId, ticketId), out var rows) ? [.. rows.Select(r => r.Event)] : [];
        }
    }

    public Task<bool> CreateAsync(SupportTicket ticket, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.TryAdd((ticket.TenantId, ticket.TicketId), ticket));

    public Task<SupportTicket?> GetAsync(string tenantId, string ticketId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.GetValueOrDefault((tenantId, ticketId)));

    public Task SaveAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
    {
        _tickets[(ticket.TenantId, ticket.TicketId)] = ticket;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SupportTicket>> ListAsync(string tenantId, string? status = null, int limit = 100, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SupportTicket>>([.. _tickets.Values.Where(t => t.TenantId == tenantId && (status is null || t.Status == status))
            .OrderByDescending(t => t.OpenedAt).Take(limit)]);

    public Task<IReadOnlyList<SupportTicket>> ListOpenAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SupportTicket>>([.. _tickets.Values.Where(t => t.Status == "open")]);

    public Task<IReadOnlyList<SlaEvent>> ReadAsync(string tenantId, string ticketId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Log(tenantId, ticketId));

    public Task<SlaEventValidation> AppendAsync(SlaEvent slaEvent, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        lock (_log)
        {
            if (!_log.TryGetValue((slaEvent.TenantId, slaEvent.TicketId), out var rows))
            {
                rows = [];
                _log[(slaEvent.TenantId, slaEvent.TicketId)] = rows;
            }

            if (rows.Any(r => r.Key == idempotencyKey))
            {
                return Task.FromResult(SlaEventValidation.Ok);
            }

            SlaEventValidation validation = SlaLog.Validate([.. rows.Select(r => r.Event)], slaEvent);
            if (validation.Accepted)
            {
                rows.Add((slaEvent, idempotencyKey));
            }

            return Task.FromResult(validation);
        }
    }

    public Task<IReadOnlyList<IReadOnlyList<SlaEvent>>> ReadTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        lock (_log)
        {
            return Task.FromResult<IReadOnlyList<IReadOnlyList<SlaEvent>>>(
                [.. _log.Where(p => p.Key.Item1 == tenantId).Select(p => (IReadOnlyList<SlaEvent>)[.. p.Value.Select(r => r.Event)])]);
        }
    }

    public Task<bool> TryRecordAsync(EscalationRecord record, CancellationToken cancellationToken = default) =>
        Task.FromResult(_escalations.TryAdd((record.TenantId, record.Key), record));

    Task<EscalationRecord?> IEscalationLedger.GetAsync(string tenantId, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_escalations.GetValueOrDefault((tenantId, key)));

    public Task MarkAlertedAsync(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        _escalations.AddOrUpdate((tenantId, key), _ => throw new InvalidOperationException("no record"), (_, r) => r with { Alerted = true });
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<EscalationRecord>> IEscalationLedger.ListAsync(string tenantId, string subjectId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EscalationRecord>>([.. Escalations.Where(e => e.TenantId == tenantId && e.SubjectId == subjectId)]);

    public Task<bool> SendAsync(SupportAlert alert, CancellationToken cancellationToken = default)
    {
        lock (_alertOrder)
        {
            if (_alerts.TryAdd(alert.IdempotencyKey, alert))
            {
                _alertOrder.Add(alert.IdempotencyKey);
            }
        }

        return Task.FromResult(true);
    }

    public Task<bool> OpenAsync(IncidentOpenRequest request, CancellationToken cancellationToken = default)
    {
        _incidents.TryAdd((request.Tenant, request.IncidentId), request);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<ReplyDraft>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReplyDraft>>([.. deals.Drafts.Where(d => d.Status == DraftStatus.PendingApproval)]);
}
