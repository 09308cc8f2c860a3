using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;

namespace Dealix.Functions.Infrastructure.Tests.Tasks;

/// <summary>The human-task store against a real Azurite; every test owns its tables (a unique prefix).</summary>
public sealed class TableHumanTaskStoreTests(Azurite azurite) : IClassFixture<Azurite>
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    private readonly TableHumanTaskStore _store = new(new DealTables(new TableServiceClient(azurite.ConnectionString), "t" + Guid.NewGuid().ToString("N")[..10]));

    [Fact]
    public async Task Create_IsIdempotentByTaskId_AndTheIdFindsItsTenant()
    {
        Assert.True(await _store.CreateAsync(Task("deal:acme:c1:meeting")));
        Assert.False(await _store.CreateAsync(Task("deal:acme:c1:meeting") with { Title = "a retry must not overwrite" }));

        HumanTask stored = (await _store.GetAsync("acme", "deal:acme:c1:meeting"))!;
        Assert.Equal("Hold the meeting", stored.Title);
        Assert.Equal("meeting_booked", stored.Details!["stage"]);
        Assert.Equal("acme", await _store.FindTenantAsync("deal:acme:c1:meeting"));
        Assert.Null(await _store.GetAsync("globex", "deal:acme:c1:meeting")); // another tenant sees nothing
        Assert.Null(await _store.FindTenantAsync("deal:acme:c9:meeting"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.CreateAsync(Task("deal:acme:c1:meeting") with { Tenant = "globex" }));
    }

    [Fact]
    public async Task Update_TwoRacingClaims_ExactlyOneWins()
    {
        await _store.CreateAsync(Task("t1"));

        HumanTaskDecision?[] claims = await System.Threading.Tasks.Task.WhenAll(
            _store.UpdateAsync("acme", "t1", t => HumanTaskRules.Claim(t, "op-1", At)),
            _store.UpdateAsync("acme", "t1", t => HumanTaskRules.Claim(t, "op-2", At)));

        HumanTaskDecision winner = Assert.Single(claims, c => c!.Changed)!;
        Assert.NotNull(Assert.Single(claims, c => !c!.Changed)!.Conflict);
        Assert.Equal(winner.Task.ClaimedBy, (await _store.GetAsync("acme", "t1"))!.ClaimedBy);
        Assert.Null(await _store.UpdateAsync("globex", "t1", t => HumanTaskRules.Claim(t, "op-3", At)));
    }

    [Fact]
    public async Task List_FiltersAndPages_AndTheSweepQueriesFindOverdueAndUndelivered()
    {
        for (int i = 0; i < 5; i++)
        {
            await _store.CreateAsync(Task($"t{i}") with { Area = i < 4 ? "deal" : "cs", DueAt = At.AddHours(i) });
        }

        await _store.CreateAsync(Task("g1") with { Tenant = "globex", DueAt = At.AddHours(-1) });
        await _store.UpdateAsync("acme", "t0", t => HumanTaskRules.Complete(t, HumanTaskValues.Completed, null, "op-1", false, At));
        await _store.UpdateAsync("acme", "t1", t => HumanTaskRules.Claim(t, "op-1", At));

        HumanTaskPage first = await _store.ListAsync("acme", new HumanTaskQuery(Area: "deal", PageSize: 2));
        HumanTaskPage second = await _store.ListAsync("acme", new HumanTaskQuery(Area: "deal", PageSize: 2, ContinuationToken: first.ContinuationToken));
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(4, first.Items.Concat(second.Items).Select(t => t.TaskId).Distinct().Count());
        Assert.Equal(["t1"], (await _store.ListAsync("acme", new HumanTaskQuery(Status: HumanTaskValues.Claimed))).Items.Select(t => t.TaskId));
        Assert.Equal(["t4"], (await _store.ListAsync("acme", new HumanTaskQuery(Area: "cs", OwnerRole: "operator"))).Items.Select(t => t.TaskId));

        Assert.Equal(["g1", "t1", "t2"], (await _store.ListOverdueAsync(At.AddHours(2), 10)).Select(t => t.TaskId));
        Assert.Equal(["t0"], (await _store.ListUndeliveredAsync(10)).Select(t => t.TaskId));
        await _store.UpdateAsync("acme", "t0", HumanTaskRules.MarkDelivered);
        Assert.Empty(await _store.ListUndeliveredAsync(10));
    }

    private static HumanTask Task(string id) => HumanTask.From(new HumanTaskRequest(
        id, "acme", "deal", "hold_meeting", "Hold the meeting", "operator", "deal:acme:c1", At,
        "c1", new Dictionary<string, string> { ["stage"] = "meeting_booked" }), At.AddHours(-8));
}
