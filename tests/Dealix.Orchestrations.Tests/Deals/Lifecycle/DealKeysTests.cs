using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Tests.Deals.Lifecycle;

public sealed class DealKeysTests
{
    [Fact]
    public void ContactId_SameNumberWrittenDifferently_IsTheSameContact()
    {
        string a = DealKeys.ContactId("acme", MessageChannel.WhatsApp, "+966 51 111 1111");
        string b = DealKeys.ContactId("acme", MessageChannel.WhatsApp, "966511111111@c.us");
        string c = DealKeys.ContactId("acme", MessageChannel.WhatsApp, "00966511111111");

        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.StartsWith("wa-", a, StringComparison.Ordinal);
        Assert.DoesNotContain("511111111", a, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactId_OtherTenant_IsAnotherContact()
    {
        Assert.NotEqual(
            DealKeys.ContactId("acme", MessageChannel.Email, "Lead@Example.com"),
            DealKeys.ContactId("globex", MessageChannel.Email, "lead@example.com"));
    }

    [Fact]
    public void DealInstanceId_IsTheBusinessKey()
    {
        Assert.Equal("deal:acme:wa-123", DealKeys.DealInstanceId("acme", "wa-123"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("a b")]
    [InlineData("this-tenant-id-is-far-too-long-to-be-accepted-here")]
    public void DealInstanceId_InvalidTenant_IsRefused(string tenant)
    {
        Assert.Throws<ArgumentException>(() => DealKeys.DealInstanceId(tenant, "wa-123"));
    }
}
