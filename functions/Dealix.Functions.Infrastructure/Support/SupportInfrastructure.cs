using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>Registers the support area's stores, its services and the support inbound rule. Needs the deal area's
/// infrastructure (tables, ledger, drafts, notifier).</summary>
public static class SupportInfrastructure
{
    /// <summary>Adds the <c>Tickets</c>, <c>SlaEvents</c> and <c>Escalations</c> stores, the alert sink (the shared
    /// Operator alerts when registered, else the <c>Notifications</c> table) and the SLA services. The incident trigger of
    /// a P0 ticket (<see cref="DurableIncidentTrigger"/>) is made by its activity's function, over its durable client.</summary>
    public static IServiceCollection AddSupportInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SupportOptions>(configuration.GetSection(SupportOptions.Section));
        services.TryAddSingleton<ITicketStore, TableTicketStore>();
        services.TryAddSingleton<ISlaLogStore, TableSlaLogStore>();
        services.TryAddSingleton<IEscalationLedger, TableEscalationLedger>();
        services.TryAddSingleton<IPendingApprovalScan, TablePendingApprovalScan>();
        services.TryAddSingleton<TableSupportAlerts>();
        // The shared Operator alerts (real channels) when the app has them, else the Notifications table.
        services.TryAddSingleton<ISupportAlerts>(sp => sp.GetService<IOperatorAlerts>() is { } operatorAlerts
            ? new OperatorAlertsSupportAlerts(operatorAlerts)
            : sp.GetRequiredService<TableSupportAlerts>());
        services.TryAddSingleton<TicketSlaRecorder>();
        services.TryAddSingleton<TicketEscalator>();
        services.TryAddSingleton<SlaSweeper>();
        services.TryAddSingleton<SupportInbox>();
        return services;
    }
}
