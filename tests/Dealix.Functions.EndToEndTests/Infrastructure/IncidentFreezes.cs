using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Incidents;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Functions.EndToEndTests.Infrastructure;

/// <summary>
/// A SEV1 incident freezes every tenant (§13.2) in the Azurite the collection shares: a test that opens one releases its
/// tenant's holds when it ends (after its app stopped, so no incident re-freezes), even when it failed half-way.
/// </summary>
internal static class IncidentFreezes
{
    public static async Task ReleaseAsync(AzuriteProcess azurite, string tenant)
    {
        var freeze = new TableTenantFreeze(new DealTables(new TableServiceClient(azurite.ConnectionString)), TimeProvider.System);
        foreach (string incidentId in await freeze.HeldByAsync(tenant))
        {
            await freeze.SetAsync(new FreezeTenantInput(tenant, incidentId, false, "e2e-cleanup", "e2e-cleanup"));
        }
    }
}
