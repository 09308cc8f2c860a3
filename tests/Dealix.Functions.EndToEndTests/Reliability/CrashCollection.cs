using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests.Reliability;

/// <summary>The crash tests get an Azurite of their own: the app lives they start and kill share nothing with other tests.</summary>
[CollectionDefinition(Name)]
public sealed class CrashCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite for the crash tests";
}
