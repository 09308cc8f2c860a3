namespace Dealix.Functions.EndToEndTests.Infrastructure;

/// <summary>
/// The tests that run the app on Microsoft's AzureStorage provider get an Azurite of their own (free ports, own data
/// folder): run after the Dealix engine's tests on one Azurite, they waited for minutes on shared storage state.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzureStorageProviderCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite for the AzureStorage provider";
}
