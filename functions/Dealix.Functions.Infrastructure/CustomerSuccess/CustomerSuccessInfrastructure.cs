using Dealix.Functions.Infrastructure.Tasks;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.CustomerSuccess;

/// <summary>Registers the customer-success store (on the deal area's <c>DealTables</c>) and its options.</summary>
public static class CustomerSuccessInfrastructure
{
    /// <summary>Adds <see cref="ICustomerSuccessStore"/> and <see cref="CustomerSuccessOptions"/>; needs
    /// <c>AddDealsInfrastructure</c> for the tables.</summary>
    public static IServiceCollection AddCustomerSuccessInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<CustomerSuccessOptions>(configuration.GetSection(CustomerSuccessOptions.Section));
        services.TryAddSingleton<ICustomerSuccessStore, TableCustomerSuccessStore>();

        // The cadence creates human tasks; until the app composition registers the task store itself, make sure it is there.
        if (!services.Any(d => d.ServiceType == typeof(IHumanTaskStore)))
        {
            services.AddHumanTaskStore();
        }

        return services;
    }
}
