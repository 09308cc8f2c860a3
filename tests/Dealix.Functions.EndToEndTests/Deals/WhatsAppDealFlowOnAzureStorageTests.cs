using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests.Deals;

/// <summary>
/// The deal slice's end-to-end facts on Microsoft's engine (host.json <c>storageProvider.type</c> = <c>AzureStorage</c>:
/// DurableTask.AzureStorage on Azurite), proving the same app behaves the same when a user falls back to it.
/// </summary>
[Collection(AzureStorageProviderCollection.Name)]
public sealed class WhatsAppDealFlowOnAzureStorageTests(AzuriteFixture azurite) : WhatsAppDealFlowTests(azurite)
{
    /// <inheritdoc/>
    protected override string Provider => "AzureStorage";
}
