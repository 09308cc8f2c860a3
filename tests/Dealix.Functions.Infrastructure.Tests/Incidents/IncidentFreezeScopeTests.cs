using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Incidents;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Functions.Infrastructure.Tests.Notifications;
using Dealix.Orchestrations.Incidents.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Dealix.Functions.Infrastructure.Tests.Incidents;

/// <summary>
/// §13.2 step 1 on a real Azurite: a SEV1 incident's freeze is global (every tenant's sends and charges), a SEV2/SEV3
/// freeze holds its tenant only; the loops' check (no tenant) is not held by an incident; the founder's kill-switch
/// resume lifts no incident's hold; only the incident's own release (the founder's unfreeze) does.
/// </summary>
[Collection(NotificationsAzurite.Name)]
public sealed class IncidentFreezeScopeTests(Azurite azurite)
{
    private readonly DealTables _tables = new(new TableServiceClient(azurite.ConnectionString), "f" + Guid.NewGuid().ToString("N")[..10]);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GlobalFreeze_PausesEveryTenantUntilItsIncidentReleases_ResumeDoesNotLiftIt()
    {
        var freeze = new TableTenantFreeze(_tables, _clock);
        var killSwitch = new TableKillSwitch(_tables, new ConfigurationBuilder().Build(), _clock);

        // A tenant-scoped freeze (SEV2/SEV3, or a P0 ticket's precaution) holds its tenant only.
        Assert.True(await freeze.SetAsync(new FreezeTenantInput("acme", "inc-2", true, "automation", "c-2")));
        Assert.Equal((true, false, false), (await killSwitch.IsPausedAsync("acme"), await killSwitch.IsPausedAsync("beta"), await killSwitch.IsPausedAsync()));

        // SEV1: global. Every tenant is held (a retried activity changes nothing); the loops are not.
        Assert.True(await freeze.SetAsync(new FreezeTenantInput("acme", "inc-1", true, "automation", "c-1", Global: true)));
        Assert.True(await freeze.SetAsync(new FreezeTenantInput("acme", "inc-1", true, "automation", "c-1", Global: true)));
        Assert.Equal((true, true, false), (await killSwitch.IsPausedAsync("acme"), await killSwitch.IsPausedAsync("beta"), await killSwitch.IsPausedAsync()));
        Assert.Equal(["acme:inc-1"], await freeze.GlobalHoldsAsync());
        Assert.Equal(["inc-2", "inc-1"], await freeze.HeldByAsync("acme"));
        Assert.Empty(await freeze.HeldByAsync("beta"));

        // The founder's own pause and resume is another switch: resuming lifts no incident's hold.
        await killSwitch.SetAsync(true, "founder", "c-k");
        Assert.True(await killSwitch.IsPausedAsync());
        await killSwitch.SetAsync(false, "founder", "c-k2");
        Assert.Equal((true, false), (await killSwitch.IsPausedAsync("beta"), await killSwitch.IsPausedAsync()));

        // Releasing the other incident leaves the global hold; the SEV1 incident's release (founder's unfreeze) lifts it.
        Assert.True(await freeze.SetAsync(new FreezeTenantInput("acme", "inc-2", false, "founder", "c-2")));
        Assert.True(await killSwitch.IsPausedAsync("beta"));
        Assert.False(await freeze.SetAsync(new FreezeTenantInput("acme", "inc-1", false, "founder", "c-1", Global: true)));
        Assert.Equal((false, false), (await killSwitch.IsPausedAsync("acme"), await killSwitch.IsPausedAsync("beta")));
        Assert.Empty(await freeze.GlobalHoldsAsync());
        Assert.Empty(await freeze.HeldByAsync("acme"));
    }
}
