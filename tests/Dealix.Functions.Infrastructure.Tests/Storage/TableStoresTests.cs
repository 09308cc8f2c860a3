using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Dealix.Functions.Infrastructure.Tests.Storage;

/// <summary>The table stores against a real Azurite; every test owns its tables (a unique prefix).</summary>
public sealed class TableStoresTests(Azurite azurite) : IClassFixture<Azurite>
{
    private static readonly DateTime At = new(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc);
    private readonly DealTables _tables = new(new TableServiceClient(azurite.ConnectionString), "t" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task Drafts_ConditionalTransition_OnlyOneOfTwoDecidersWins()
    {
        var store = new TableDraftStore(_tables);
        await store.CreateAsync(Draft("d1"));
        await store.CreateAsync(Draft("d1") with { Text = "a retry must not overwrite" });

        DraftUpdate[] decisions = await Task.WhenAll(
            store.TransitionAsync("acme", "d1", [DraftStatus.PendingApproval], DraftStatus.Approved, new DraftChange("op-1", At, "ok", "edited text")),
            store.TransitionAsync("acme", "d1", [DraftStatus.PendingApproval], DraftStatus.Expired, new DraftChange("automation", At, "sla")));

        Assert.Single(decisions, d => d.Applied);
        ReplyDraft stored = (await store.GetAsync("acme", "d1"))!;
        Assert.Equal(decisions.Single(d => d.Applied).Draft!.Status, stored.Status);
        Assert.NotEqual("a retry must not overwrite", stored.Text);
        Assert.Null(await store.GetAsync("globex", "d1")); // another tenant sees nothing
    }

    [Fact]
    public async Task Drafts_List_FiltersByStatusAndPages()
    {
        var store = new TableDraftStore(_tables);
        for (int i = 0; i < 5; i++)
        {
            await store.CreateAsync(Draft($"d{i}") with { Status = i == 4 ? DraftStatus.Sent : DraftStatus.PendingApproval });
        }

        DraftPage first = await store.ListAsync("acme", new DraftQuery(DraftStatus.PendingApproval, PageSize: 3));
        DraftPage second = await store.ListAsync("acme", new DraftQuery(DraftStatus.PendingApproval, PageSize: 3, ContinuationToken: first.ContinuationToken));

        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Single(second.Items);
        Assert.Null(second.ContinuationToken);
        Assert.Equal(5, (await store.ListForDealAsync("acme", "deal:acme:wa-1")).Count);
    }

    [Fact]
    public async Task AuditLedger_AppendSameEntryTwice_KeepsOneLineInTimeOrder()
    {
        var ledger = new TableAuditLedger(_tables);
        await ledger.AppendAsync(Entry("e2", At.AddMinutes(1), "send"));
        await ledger.AppendAsync(Entry("e1", At, "classify"));
        await ledger.AppendAsync(Entry("e1", At.AddHours(1), "classify-retry"));
        await ledger.AppendAsync(Entry("e3", At, "other") with { CorrelationId = "corr-2" });

        IReadOnlyList<AuditEntry> lines = await ledger.ListAsync("acme", "corr-1");

        Assert.Equal(["classify", "send"], lines.Select(l => l.Action));
        Assert.Empty(await ledger.ListAsync("globex"));
    }

    [Fact]
    public async Task Suppression_SameNumberWrittenDifferently_IsSuppressedWithoutStoringIt()
    {
        var list = new TableSuppressionList(_tables);
        await list.AddAsync(new SuppressionRecord("acme", MessageChannel.WhatsApp, "+966 51 111 1111", "unsubscribe", At, "wamid.1", "corr-1"));

        Assert.Equal("unsubscribe", (await list.FindAsync("acme", MessageChannel.WhatsApp, "966511111111@c.us"))?.Reason);
        Assert.Null(await list.FindAsync("globex", MessageChannel.WhatsApp, "966511111111"));
        Assert.Null(await list.FindAsync("acme", MessageChannel.Sms, "966511111111"));
        TableClient table = await _tables.GetAsync("Suppression");
        await foreach (TableEntity row in table.QueryAsync<TableEntity>())
        {
            Assert.DoesNotContain("511111111", string.Join('|', row.Select(kv => kv.Value?.ToString())), StringComparison.Ordinal);
            Assert.DoesNotContain("511111111", row.RowKey, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EvidencePacks_SecondSave_ReturnsTheFirst()
    {
        var packs = new TableEvidencePackStore(_tables);
        var first = new EvidencePack("ep-1", "acme", "deal:acme:wa-1", "corr-1", At, "{\"a\":1}", "hash-1");

        await packs.SaveOnceAsync(first);
        EvidencePack again = await packs.SaveOnceAsync(first with { EvidencePackId = "ep-2", Sha256 = "hash-2" });

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task CallbackTokensAndInboundIds_AreRecordedOnce()
    {
        var tokens = new TableCallbackTokenLedger(_tables);
        var inbound = new TableInboundDeduplicator(_tables);

        Assert.True(await tokens.TryConsumeAsync("acme", "nonce-1", At));
        Assert.False(await tokens.TryConsumeAsync("acme", "nonce-1", At));
        Assert.True(await inbound.TryRecordAsync("sendgrid", "<CAF=abc/123@mail.lead.sa>"));
        Assert.False(await inbound.TryRecordAsync("sendgrid", "<CAF=abc/123@mail.lead.sa>"));
        await inbound.ForgetAsync("sendgrid", "<CAF=abc/123@mail.lead.sa>");
        Assert.True(await inbound.TryRecordAsync("sendgrid", "<CAF=abc/123@mail.lead.sa>"));
    }

    [Fact]
    public async Task KillSwitch_PauseAndResume_AreDurableAndTheSettingForcesIt()
    {
        var empty = new ConfigurationBuilder().Build();
        var killSwitch = new TableKillSwitch(_tables, empty, new FakeTimeProvider(At));
        Assert.False(await killSwitch.IsPausedAsync("acme"));

        await killSwitch.SetAsync(true, "founder", "corr-k");
        Assert.True(await new TableKillSwitch(_tables, empty, TimeProvider.System).IsPausedAsync("acme"));
        await killSwitch.SetAsync(false, "founder", "corr-k2");
        Assert.False(await killSwitch.IsPausedAsync("acme"));

        IConfiguration forced = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["KillSwitch:Paused"] = "true" }).Build();
        Assert.True(await new TableKillSwitch(_tables, forced, TimeProvider.System).IsPausedAsync());
    }

    private static ReplyDraft Draft(string id) => new()
    {
        DraftId = id,
        TenantId = "acme",
        DealInstanceId = "deal:acme:wa-1",
        ContactId = "wa-1",
        Channel = MessageChannel.WhatsApp,
        To = "966511111111",
        Text = "أكيد، الأسعار تعتمد على الباقة.",
        Kind = DraftKind.Reply,
        Category = "ask_price",
        Stage = DealStage.Qualifying,
        Status = DraftStatus.PendingApproval,
        CorrelationId = "corr-1",
        CreatedAt = At,
    };

    private static AuditEntry Entry(string id, DateTime at, string action) =>
        new(id, "acme", "corr-1", action, "A", "automation", "deal:acme:wa-1", at);
}
