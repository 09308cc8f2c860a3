using System.Collections.Concurrent;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Ports;

namespace Dealix.Functions.EndToEndTests.SelfImprovement;

/// <summary>Campaigns in memory, with the same conditional budget update as the table store.</summary>
public sealed class InMemoryCampaignStore : ICampaignStore
{
    private readonly ConcurrentDictionary<(string, string), Campaign> _rows = new();

    public Campaign this[string tenant, string id] => _rows[(tenant, id)];

    public Task<IReadOnlyList<Campaign>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Campaign>>([.. _rows.Values.Where(c => c.TenantId == tenantId)]);

    public Task<Campaign?> GetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue((tenantId, campaignId), out Campaign? c) ? c : null);

    public Task UpsertAsync(Campaign campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        _rows[(campaign.TenantId, campaign.CampaignId)] = campaign;
        return Task.CompletedTask;
    }

    public Task<bool> SetBudgetAsync(
        string tenantId, string campaignId, decimal expectedFrom, decimal to, DateTime at, string? autoPeriod = null, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            if (!_rows.TryGetValue((tenantId, campaignId), out Campaign? c))
            {
                return Task.FromResult(false);
            }

            Campaign? next = Orchestrations.SelfImprovement.Rules.CampaignBudget.Change(c, expectedFrom, to, at, autoPeriod);
            if (next is not null && !ReferenceEquals(next, c))
            {
                _rows[(tenantId, campaignId)] = next;
            }

            return Task.FromResult(!ReferenceEquals(next, c));
        }
    }

    public Task<bool> PauseAdsAsync(string tenantId, string campaignId, DateTime at, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            if (!_rows.TryGetValue((tenantId, campaignId), out Campaign? c))
            {
                return Task.FromResult(false);
            }

            _rows[(tenantId, campaignId)] = c with { AdsPaused = true, UpdatedAt = at };
            return Task.FromResult(true);
        }
    }

    public Task<bool> ResumeAdsAsync(string tenantId, string campaignId, DateTime at, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            if (!_rows.TryGetValue((tenantId, campaignId), out Campaign? c) || !c.AdsPaused)
            {
                return Task.FromResult(false);
            }

            _rows[(tenantId, campaignId)] = c with { AdsPaused = false, UpdatedAt = at };
            return Task.FromResult(true);
        }
    }
}
