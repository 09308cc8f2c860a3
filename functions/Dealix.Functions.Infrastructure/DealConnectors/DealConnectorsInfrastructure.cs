using Dealix.Orchestrations.Deals.Connectors.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.DealConnectors;

/// <summary>Registers the deal connector actions' provider gateway and the payment webhook intake.</summary>
public static class DealConnectorsInfrastructure
{
    /// <summary>Adds <see cref="IDealConnectorGateway"/> over HTTP and <see cref="PaymentIntake"/>. Needs the deal and notification infrastructure.</summary>
    public static IServiceCollection AddDealConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<DealConnectorOptions>(configuration.GetSection(DealConnectorOptions.Section));
        services.Configure<PaymentOptions>(configuration.GetSection(PaymentOptions.Section));
        services.AddHttpClient("deal-connectors");
        services.AddSingleton<IDealConnectorGateway>(sp => new HttpDealConnectorGateway(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("deal-connectors"), sp.GetRequiredService<IOptions<DealConnectorOptions>>()));
        services.AddSingleton<PaymentIntake>();
        return services;
    }
}
