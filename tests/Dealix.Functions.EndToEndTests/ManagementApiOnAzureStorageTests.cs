using System.Net;
using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests;

/// <summary>
/// The management API on Microsoft's engine (host.json <c>storageProvider.type</c> = <c>AzureStorage</c>:
/// DurableTask.AzureStorage on Azurite): everything the official client offers behaves as on the Dealix engine.
/// </summary>
[Collection(AzureStorageProviderCollection.Name)]
public sealed class ManagementApiOnAzureStorageTests(AzuriteFixture azurite) : ManagementApiTestsBase(azurite, "AzureStorage")
{
    /// <summary>History is a Dealix engine feature: 501 with ProblemDetails saying so, never a crash.</summary>
    protected override async Task AssertHistoryAsync(string completedInstanceId)
    {
        using HttpResponseMessage response = await Http.GetAsync(Api($"/instances/{completedInstanceId}", "showHistory=true"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("not supported on the AzureStorage provider", await Detail(response), StringComparison.Ordinal);
    }
}
