using System.Security.Cryptography;
using System.Text;
using Dealix.Runtime.Hosting.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Tests.Http;

/// <summary>The app's operator keys open Function-level routes only; which tenant they act for is the app's concern.</summary>
public sealed class HostKeysOperatorTests
{
    private static readonly HostKeys Keys = new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Keys:Master"] = "master",
        ["Keys:System"] = "system",
        ["Operators:Keys:acme:Key"] = "acme-key",
        ["Operators:Keys:acme:Tenant"] = "acme",
        ["Operators:Keys:hashed:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("hashed-key"))),
        ["Operators:Keys:hashed:Tenant"] = "globex",
    }).Build());

    [Theory]
    [InlineData("acme-key", AuthorizationLevel.Function, true)]
    [InlineData("hashed-key", AuthorizationLevel.Function, true)]
    [InlineData("acme-key", AuthorizationLevel.System, false)]
    [InlineData("acme-key", AuthorizationLevel.Admin, false)]
    [InlineData("hashed-key", AuthorizationLevel.Admin, false)]
    [InlineData("acme-ke", AuthorizationLevel.Function, false)]
    [InlineData("master", AuthorizationLevel.Admin, true)]
    public void OperatorKey_OpensFunctionLevelOnly(string presented, AuthorizationLevel level, bool opens) =>
        Assert.Equal(opens, Keys.Check(level, "Any", presented) is null);

    [Fact]
    public void OperatorKeys_CountAsFunctionKeys() => Assert.True(Keys.HasFunctionKeys);
}
