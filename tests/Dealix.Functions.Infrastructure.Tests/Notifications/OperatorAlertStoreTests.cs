using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Notifications;

namespace Dealix.Functions.Infrastructure.Tests.Notifications;

/// <summary>
/// Recording and dispatch of operator alerts (real Azurite): once per idempotency key, per tenant, one delivery per
/// recipient and channel, routed by tenant and role.
/// </summary>
public sealed class OperatorAlertStoreTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_RecordsAndQueuesOnce()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite);
        OperatorAlert alert = Alert("acme", "founder");

        Assert.True(await rig.Service.SendAsync(alert));
        Assert.True(await rig.Service.SendAsync(alert with { Title = "a retry must not overwrite" }));

        StoredOperatorAlert stored = Assert.Single(await rig.Store.ListAsync("acme", 10));
        Assert.Equal((alert, AlertRig.At, AlertStatus.Dispatched), (stored.Alert, stored.At, stored.Status));
        // founder: e-mail + WhatsApp; the acme team chat webhook: every acme alert.
        Assert.Equal(["email:founder", "webhook:chat", "whatsapp:founder"],
            (await rig.Store.ListDeliveriesAsync("acme", stored.AlertId)).Select(d => $"{d.Channel}:{d.Recipient}"));
        Assert.Equal(3, rig.Queue.Sent.Count);
    }

    [Fact]
    public async Task SendAsync_ByRole_GoesToThatRoleAndFallsBackToTheFounder()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite);

        await rig.Service.SendAsync(Alert("acme", "team_lead") with { IdempotencyKey = "k-lead" });
        await rig.Service.SendAsync(Alert("globex", "team_lead") with { IdempotencyKey = "k-globex" });

        string acme = (await rig.Store.ListAsync("acme", 10)).Single().AlertId;
        Assert.Equal(["webhook:chat", "whatsapp:lead"], (await rig.Store.ListDeliveriesAsync("acme", acme)).Select(d => $"{d.Channel}:{d.Recipient}"));
        string globex = (await rig.Store.ListAsync("globex", 10)).Single().AlertId; // no team lead, no webhook there: the founder
        Assert.Equal(["email:founder", "whatsapp:founder"], (await rig.Store.ListDeliveriesAsync("globex", globex)).Select(d => $"{d.Channel}:{d.Recipient}"));
        Assert.Empty(await rig.Store.ListDeliveriesAsync("globex", acme)); // tenant-scoped
    }

    [Fact]
    public async Task SendAsync_NoContactServesTheTenant_IsFalseAndStaysVisibleAsNoRecipients()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite, new Dictionary<string, string?> { ["Operators:Contacts:founder:Tenant"] = "acme" });

        Assert.False(await rig.Service.SendAsync(Alert("globex", "founder")));

        Assert.Equal(AlertStatus.NoRecipients, Assert.Single(await rig.Store.ListAsync("globex", 10)).Status);
        Assert.Empty(rig.Queue.Sent);
    }

    [Fact]
    public async Task SendAsync_InvalidAlert_ThrowsAndRecordsNothing()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => rig.Service.SendAsync(Alert("acme", "founder") with { Severity = "loud" }));

        Assert.Contains("Severity", error.Message, StringComparison.Ordinal);
        Assert.Empty(await rig.Store.ListAsync("acme", 10));
        Assert.Empty(rig.Queue.Sent);
    }

    internal static OperatorAlert Alert(string tenant, string role) => new(tenant, OperatorAlertKinds.ApprovalEscalation, OperatorAlertSeverity.Critical,
        "Draft d-1 breached its approval SLA", "Draft d-1 (deal deal:acme:c-1) is still pending.", "draft-approval:d-1:escalation", role,
        "https://dealix.example/approval-center?tenant=" + tenant);
}
