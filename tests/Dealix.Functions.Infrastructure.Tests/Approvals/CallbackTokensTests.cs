using System.Collections.Concurrent;
using Dealix.Functions.Infrastructure.Approvals;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dealix.Functions.Infrastructure.Tests.Approvals;

public sealed class CallbackTokensTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero));
    private readonly MemoryLedger _ledger = new();

    private CallbackTokens Tokens(string key = "0123456789abcdef0123456789abcdef-signing") =>
        new(Options.Create(new ApprovalOptions { CallbackSigningKey = key, PublicBaseUrl = "https://dealix.example" }), _ledger, _clock);

    [Fact]
    public async Task Redeem_FreshToken_IsValidOnceAndCarriesItsClaims()
    {
        CallbackTokens tokens = Tokens();
        string token = tokens.Issue("acme", "d1", "op-1", "approve");

        CallbackTokenCheck first = await tokens.RedeemAsync(token, "acme", "d1");
        CallbackTokenCheck second = await tokens.RedeemAsync(token, "acme", "d1");

        Assert.Equal(CallbackTokenVerdict.Valid, first.Verdict);
        Assert.Equal(("acme", "d1", "op-1", "approve"), (first.Claims!.TenantId, first.Claims.DraftId, first.Claims.OperatorId, first.Claims.Action));
        Assert.Equal(CallbackTokenVerdict.AlreadyUsed, second.Verdict);
    }

    [Fact]
    public async Task Redeem_AfterItsLifetime_IsExpiredAndNotConsumed()
    {
        CallbackTokens tokens = Tokens();
        string token = tokens.Issue("acme", "d1", "op-1", "approve");
        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        Assert.Equal(CallbackTokenVerdict.Expired, (await tokens.RedeemAsync(token, "acme", "d1")).Verdict);
        Assert.Empty(_ledger.Used);
    }

    [Fact]
    public async Task Redeem_OtherTenantOrOtherDraft_IsRefused()
    {
        CallbackTokens tokens = Tokens();
        string token = tokens.Issue("acme", "d1", "op-1", "approve");

        Assert.Equal(CallbackTokenVerdict.WrongTenant, (await tokens.RedeemAsync(token, "globex", "d1")).Verdict);
        Assert.Equal(CallbackTokenVerdict.WrongDraft, (await tokens.RedeemAsync(token, "acme", "d2")).Verdict);
        Assert.Equal(CallbackTokenVerdict.Valid, (await tokens.RedeemAsync(token, "acme", "d1")).Verdict); // refusals did not use it up
    }

    [Fact]
    public async Task Redeem_TamperedClaimsOrSignature_IsRefused()
    {
        CallbackTokens tokens = Tokens();
        string token = tokens.Issue("acme", "d1", "op-1", "reject");
        string[] parts = token.Split('.');
        string forgedClaims = System.Buffers.Text.Base64Url.EncodeToString(
            System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("reject", "approve", StringComparison.Ordinal)));

        Assert.Equal(CallbackTokenVerdict.BadSignature, (await tokens.RedeemAsync($"{parts[0]}.{forgedClaims}.{parts[2]}", "acme", "d1")).Verdict);
        Assert.Equal(CallbackTokenVerdict.BadSignature, (await tokens.RedeemAsync($"{parts[0]}.{parts[1]}.{parts[2][..^2]}AA", "acme", "d1")).Verdict);
        Assert.Equal(CallbackTokenVerdict.BadSignature, (await Tokens("another-key-another-key-another-key!").RedeemAsync(token, "acme", "d1")).Verdict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1.abc")]
    [InlineData("v2.abc.def")]
    [InlineData("v1.!!!.???")]
    public async Task Redeem_Malformed_IsRefused(string? token)
    {
        Assert.Equal(CallbackTokenVerdict.Malformed, (await Tokens().RedeemAsync(token, "acme", "d1")).Verdict);
    }

    [Fact]
    public void CallbackUrl_CarriesTenantAndAnEscapedToken()
    {
        string url = Tokens().CallbackUrl("acme", "d1", "op-1", "approve");

        Assert.StartsWith("https://dealix.example/api/v1/approval-center/d1/callback?tenant=acme&token=v1.", url, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ShortKey_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => Tokens("short"));
    }

    private sealed class MemoryLedger : ICallbackTokenLedger
    {
        public ConcurrentDictionary<string, bool> Used { get; } = new();

        public Task<bool> TryConsumeAsync(string tenantId, string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
            Task.FromResult(Used.TryAdd($"{tenantId}|{nonce}", true));
    }
}
