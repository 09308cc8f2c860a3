using Dealix.Orchestrations.Outreach.Ports;
using Dealix.Orchestrations.Scheduling.Ports;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.Infrastructure.Outreach;

/// <summary>
/// The tenants of the scheduled outreach jobs: those that imported prospects, plus any listed in the setting
/// <c>Scheduling:Tenants</c> (comma-separated), in ordinal order.
/// </summary>
public sealed class ConfigurationTenantDirectory(IProspectStore prospects, IConfiguration configuration) : ITenantDirectory
{
    public async Task<IReadOnlyList<string>> ListAsync(string job, CancellationToken cancellationToken = default)
    {
        var tenants = new SortedSet<string>(await prospects.ListTenantsAsync(cancellationToken), StringComparer.Ordinal);
        foreach (string tenant in (configuration["Scheduling:Tenants"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            tenants.Add(tenant);
        }

        return [.. tenants];
    }
}
