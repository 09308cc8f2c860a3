using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dealix.Functions.Infrastructure.Tests.Notifications;

/// <summary>Operator alerts are recorded in Azure Tables (real Azurite) once per idempotency key, per tenant.</summary>
public sealed class OperatorAlertStoreTests(Azurite azurite) : IClassFixture<Azurite>
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 6, 0, 0, TimeSpan.Zero);
    private readonly DealTables _tables = new(new TableServiceClient(azurite.ConnectionString), "t" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_RecordsOneAlert()
    {
        var store = new OperatorAlertStore(_tables);
        var service = new OperatorAlertService(store, new FakeTimeProvider(At), NullLogger<OperatorAlertService>.Instance);
        OperatorAlert alert = Alert("acme");

        Assert.True(await service.SendAsync(alert));
        Assert.True(await service.SendAsync(alert with { Title = "a retry must not overwrite" }));
        Assert.True(await service.SendAsync(Alert("globex")));

        StoredOperatorAlert stored = Assert.Single(await store.ListAsync("acme", 10));
        Assert.Equal(alert, stored.Alert);
        Assert.Equal(At, stored.At);
        Assert.Single(await store.ListAsync("globex", 10));
    }

    [Fact]
    public async Task SendAsync_InvalidAlert_ThrowsAndRecordsNothing()
    {
        var store = new OperatorAlertStore(_tables);
        var service = new OperatorAlertService(store, new FakeTimeProvider(At), NullLogger<OperatorAlertService>.Instance);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => service.SendAsync(Alert("acme") with { Severity = "loud" }));

        Assert.Contains("Severity", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync("acme", 10));
    }

    private static OperatorAlert Alert(string tenant) => new(tenant, OperatorAlertKinds.ApprovalEscalation, OperatorAlertSeverity.Critical,
        "Draft d-1 waits past its approval SLA", "Draft d-1 (deal deal:acme:c-1) is still pending.", "draft-approval:d-1:escalation", "founder");
}
