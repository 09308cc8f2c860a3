using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>Registers operator alerts (<see cref="IOperatorAlerts"/>) and their delivery; needs
/// <see cref="DealsInfrastructure.AddDealsInfrastructure"/> first (tables, channel adapters).</summary>
public static class NotificationsInfrastructure
{
    /// <summary>Adds operator alerts, bound to configuration.</summary>
    public static IServiceCollection AddOperatorAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<OperatorAlertStore>();
        services.AddSingleton<IOperatorAlerts, OperatorAlertService>();
        return services;
    }
}
