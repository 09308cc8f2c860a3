using Dealix.Functions.Infrastructure.Tests.Infrastructure;

namespace Dealix.Functions.Infrastructure.Tests.Notifications;

/// <summary>The notification tests share one Azurite (each test owns its tables by prefix): one start instead of four.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationsAzurite : ICollectionFixture<Azurite>
{
    public const string Name = "Notifications on Azurite";
}
