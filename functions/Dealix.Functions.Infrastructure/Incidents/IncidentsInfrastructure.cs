using Dealix.Functions.Infrastructure.Incidents;
using Dealix.Orchestrations.Incidents.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.Infrastructure;

/// <summary>Registers the incident area's ports (on the deal area's <see cref="Storage.DealTables"/>).</summary>
public static class IncidentsInfrastructure
{
    /// <summary>Adds the incident store and the tenant freeze; call after <see cref="DealsInfrastructure.AddDealsInfrastructure"/>.</summary>
    public static IServiceCollection AddIncidentsInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IIncidentStore, TableIncidentStore>();
        services.AddSingleton<ITenantFreeze, TableTenantFreeze>();
        return services;
    }
}
