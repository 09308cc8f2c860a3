using Azure.Storage.Queues;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>Registers operator alerts (<see cref="IOperatorAlerts"/>), their delivery and the operator commands; needs
/// <see cref="DealsInfrastructure.AddDealsInfrastructure"/> first (tables, channel adapters, the notifier it wraps).</summary>
public static class NotificationsInfrastructure
{
    /// <summary>Adds operator alerts, bound to configuration (see <see cref="OperatorDirectory"/> and
    /// <see cref="OperatorAlertOptions"/>).</summary>
    public static IServiceCollection AddOperatorAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<OperatorAlertOptions>(configuration.GetSection(OperatorAlertOptions.Section));
        services.AddSingleton(_ => new OperatorDirectory(configuration));
        services.AddHostedService<OperatorDirectoryCheck>();
        services.AddSingleton<OperatorAlertStore>();
        services.AddSingleton<IAlertDeliveries>(sp => new StorageQueueAlertDeliveries(new QueueClient(
            ConnectionString(configuration), sp.GetRequiredService<IOptions<OperatorAlertOptions>>().Value.QueueName,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
        services.AddSingleton<IOperatorAlerts, OperatorAlertService>();
        services.AddSingleton(sp => new OperatorWebhookSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("operator-webhooks"), sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient("operator-webhooks");
        services.AddSingleton<OperatorAlertDispatcher>();
        services.AddSingleton<OperatorCommands>();

        // The deal slice's notifier keeps its table row and now also reaches the operators (replaces its registration).
        services.AddSingleton<TableOperatorNotifier>();
        services.Replace(ServiceDescriptor.Singleton<IOperatorNotifier, AlertingOperatorNotifier>());
        return services;
    }

    private static string ConnectionString(IConfiguration configuration) =>
        configuration[DealsInfrastructure.StorageConnectionSetting] ?? configuration[$"Values:{DealsInfrastructure.StorageConnectionSetting}"]
        ?? throw new InvalidOperationException($"The setting {DealsInfrastructure.StorageConnectionSetting} is missing: operator alerts need a storage account.");
}
