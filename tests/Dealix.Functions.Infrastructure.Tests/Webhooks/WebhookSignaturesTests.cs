using System.Text;
using Dealix.Functions.Infrastructure.Webhooks;

namespace Dealix.Functions.Infrastructure.Tests.Webhooks;

public sealed class WebhookSignaturesTests
{
    private const string AppSecret = "test-app-secret-0123456789";

    // Meta signs the escaped-unicode form that is on the wire; the raw bytes must be hashed as received.
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(WhatsAppCloudParserTests.TwoEntries);

    [Fact]
    public void IsValidHubSignature_SignatureOverTheRawBody_IsAccepted()
    {
        string header = WebhookSignatures.HubSignature(Body, AppSecret);

        Assert.Matches("^sha256=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignatures.IsValidHubSignature(Body, header, AppSecret));
        Assert.True(WebhookSignatures.IsValidHubSignature(Body, header.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal), AppSecret));
    }

    [Fact]
    public void IsValidHubSignature_ReserializedJson_DoesNotMatch()
    {
        string header = WebhookSignatures.HubSignature(Body, AppSecret);
        byte[] decoded = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(Body).RootElement));

        Assert.False(WebhookSignatures.IsValidHubSignature(decoded, header, AppSecret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=0123")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz3d9f0c1b2a3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public void IsValidHubSignature_MissingMalformedOrForged_IsRefused(string? header)
    {
        Assert.False(WebhookSignatures.IsValidHubSignature(Body, header, AppSecret));
    }

    [Fact]
    public void IsValidHubSignature_TamperedBodyOrOtherSecret_IsRefused()
    {
        string header = WebhookSignatures.HubSignature(Body, AppSecret);
        byte[] tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;

        Assert.False(WebhookSignatures.IsValidHubSignature(tampered, header, AppSecret));
        Assert.False(WebhookSignatures.IsValidHubSignature(Body, header, "another-secret-0123456789"));
    }

    [Theory]
    [InlineData("verify-me", "verify-me", true)]
    [InlineData("verify-me", "verify-mf", false)]
    [InlineData("verify", "verify-me", false)]
    [InlineData("", "verify-me", false)]
    [InlineData(null, "verify-me", false)]
    public void SecretEquals_ComparesExactly(string? given, string expected, bool equal)
    {
        Assert.Equal(equal, WebhookSignatures.SecretEquals(given, expected));
    }
}
