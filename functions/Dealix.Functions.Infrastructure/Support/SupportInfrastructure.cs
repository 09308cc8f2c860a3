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
    /// <summary>Adds the <c>Tickets</c>, <c>SlaEvents</c>, <c>Escalations</c> and <c>IncidentRequests</c> stores, the
    /// default alert sink and incident trigger, and the SLA services.</summary>
    public static IServiceCollection AddSupportInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SupportOptions>(configuration.GetSection(SupportOptions.Section));
        services.TryAddSingleton<ITicketStore, TableTicketStore>();
        services.TryAddSingleton<ISlaLogStore, TableSlaLogStore>();
        services.TryAddSingleton<IEscalationLedger, TableEscalationLedger>();
        services.TryAddSingleton<IPendingApprovalScan, TablePendingApprovalScan>();
        services.TryAddSingleton<ISupportAlerts, TableSupportAlerts>();
        services.TryAddSingleton<IIncidentTrigger, TableIncidentTrigger>();
        services.TryAddSingleton<TicketSlaRecorder>();
        services.TryAddSingleton<TicketEscalator>();
        services.TryAddSingleton<SlaSweeper>();
        services.TryAddSingleton<SupportInbox>();
        return services;
    }
}
