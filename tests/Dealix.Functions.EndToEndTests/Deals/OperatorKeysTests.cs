using System.Security.Cryptography;
using System.Text;
using Dealix.Functions.Deals;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.EndToEndTests.Deals;

/// <summary>The settings shape of operator keys: who each key speaks for, and entries that must not start.</summary>
public sealed class OperatorKeysTests
{
    private static OperatorKeys From(params (string Key, string? Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Keys_ResolveToTheirScope_AndTheHostKeyIsUnscopedUnlessMadeAdmin()
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("globex-key")));
        OperatorKeys keys = From(("Keys:Master", "master"), ("Keys:Host", "host"),
            ("Operators:Keys:acme:Key", "acme-key"), ("Operators:Keys:acme:Tenant", "acme"),
            ("Operators:Keys:globex:KeySha256", hash), ("Operators:Keys:globex:Tenant", "globex"),
            ("Operators:Keys:root:Key", "root-key"), ("Operators:Keys:root:Admin", "true"));

        Assert.Equal(new CallerScope(ScopeKind.Tenant, "acme", "acme"), keys.Resolve("acme-key"));
        Assert.Equal(new CallerScope(ScopeKind.Tenant, "globex", "globex"), keys.Resolve("globex-key"));
        Assert.Equal(ScopeKind.AdminOperator, keys.Resolve("root-key")!.Kind);
        Assert.Equal(ScopeKind.Master, keys.Resolve("master")!.Kind);
        Assert.Equal(ScopeKind.Unscoped, keys.Resolve("host")!.Kind);
        Assert.Null(keys.Resolve(null));
        Assert.Equal(ScopeKind.AdminOperator, From(("Keys:Host", "host"), ("Operators:HostKeyIsAdmin", "true")).Resolve("host")!.Kind);
    }

    [Theory]
    [InlineData("acme", "true")] // both a tenant and admin
    [InlineData(null, null)] // neither
    [InlineData("not a tenant!", null)]
    public void AnAmbiguousOrInvalidEntry_StopsTheApp(string? tenant, string? admin) =>
        Assert.Throws<InvalidOperationException>(() => From(("Operators:Keys:x:Key", "k"), ("Operators:Keys:x:Tenant", tenant), ("Operators:Keys:x:Admin", admin)));
}
