using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.OperatorConsole;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Functions.Infrastructure.Tests.Notifications;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Tests.OperatorConsole;

/// <summary>
/// The deal thread on a real Azurite: a redelivered message rewrites its row, an e-mail body longer than a table
/// property can hold is kept shortened (a write that could never succeed would refuse the message at every redelivery),
/// and one deal's thread never shows another deal's messages.
/// </summary>
[Collection(NotificationsAzurite.Name)]
public sealed class TableDealThreadTests(Azurite azurite)
{
    private readonly DealTables _tables = new(new TableServiceClient(azurite.ConnectionString), "t" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task LongBody_IsKeptShortened_RedeliveryRewritesTheSameRow_OtherDealsStayApart()
    {
        var thread = new TableDealThread(_tables);
        var at = new DateTime(2026, 12, 4, 6, 0, 0, DateTimeKind.Utc);
        string longBody = new('ب', 100_000);

        await thread.RecordInboundAsync("deal:acme:c1", Message("m1", longBody, at));
        await thread.RecordInboundAsync("deal:acme:c1", Message("m1", longBody, at)); // the provider re-delivers
        await thread.RecordInboundAsync("deal:acme:c1", Message("m2", "كم السعر؟", at.AddMinutes(1)));
        await thread.RecordInboundAsync("deal:acme:c2", Message("m3", "other deal", at));

        IReadOnlyList<ThreadMessage> messages = await thread.ListInboundAsync("acme", "deal:acme:c1");
        Assert.Equal(["m1", "m2"], messages.Select(m => m.MessageId));
        Assert.Equal(TableDealThread.MaxStoredTextLength + 1, messages[0].Text.Length);
        Assert.EndsWith("…", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("كم السعر؟", messages[1].Text);
        Assert.Empty(await thread.ListInboundAsync("beta", "deal:acme:c1"));
    }

    private static InboundMessage Message(string id, string text, DateTime at) =>
        new("acme", "c1", MessageChannel.Email, id, "lead@example.test", text, at, "corr-" + id);
}
