using System.Text.Json.Nodes;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Tests.Deals.Lifecycle;

public sealed class EvidencePackBuilderTests
{
    private static readonly DateTime At = new(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Build_HashesTheCanonicalJsonAndARehashMatches()
    {
        var input = new EvidencePackInput("acme", "deal:acme:wa-1", "wa-1", MessageChannel.WhatsApp, "corr-1", At, "op-1", "k-1");
        ReplyDraft approved = Draft("d1") with { Status = DraftStatus.Sent, Reviewer = "op-1", DecidedAt = At };

        EvidencePack pack = EvidencePackBuilder.Build("ep-1", input, [approved, Draft("d2")], At);

        Assert.Equal(EvidencePackBuilder.Hash(pack.CanonicalJson), pack.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", pack.Sha256);
        Assert.Equal(pack.CanonicalJson, EvidencePackBuilder.Canonicalize(JsonNode.Parse(pack.CanonicalJson)!));
        Assert.DoesNotContain("d2", pack.CanonicalJson, StringComparison.Ordinal); // only decided drafts are approval records
        Assert.DoesNotContain(" ", pack.CanonicalJson.Replace("closed_won", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_SortsKeysAtEveryLevelAndDropsTheHash()
    {
        JsonNode node = JsonNode.Parse("""{"b":1,"sha256":"x","a":{"z":[{"y":2,"x":1}],"c":"ع"}}""")!;

        Assert.Equal("""{"a":{"c":"ع","z":[{"x":1,"y":2}]},"b":1}""", EvidencePackBuilder.Canonicalize(node));
    }

    private static ReplyDraft Draft(string id) => new()
    {
        DraftId = id,
        TenantId = "acme",
        DealInstanceId = "deal:acme:wa-1",
        ContactId = "wa-1",
        Channel = MessageChannel.WhatsApp,
        To = "966500000000",
        Text = "hello",
        Kind = DraftKind.Reply,
        Category = "ask_price",
        Stage = DealStage.Qualifying,
        Status = DraftStatus.PendingApproval,
        CorrelationId = "corr-1",
        CreatedAt = At,
    };
}
