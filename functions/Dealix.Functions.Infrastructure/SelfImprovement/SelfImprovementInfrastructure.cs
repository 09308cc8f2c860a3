using Azure.Storage.Blobs;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.SelfImprovement;

/// <summary>Registers the self-improvement loops' stores. Needs the deal tables (<c>AddDealsInfrastructure</c>).</summary>
public static class SelfImprovementInfrastructure
{
    /// <summary>Adds <see cref="ICampaignStore"/> (the <c>Campaigns</c> table) and <see cref="IAuditExportStore"/> (blobs).</summary>
    public static IServiceCollection AddSelfImprovementInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<ICampaignStore, TableCampaignStore>();
        services.TryAddSingleton<IAuditExportStore>(_ => new BlobAuditExportStore(new BlobServiceClient(
            configuration[DealsInfrastructure.StorageConnectionSetting] ?? configuration[$"Values:{DealsInfrastructure.StorageConnectionSetting}"]
            ?? throw new InvalidOperationException($"The setting {DealsInfrastructure.StorageConnectionSetting} is missing: the audit export needs a storage account."))));
        return services;
    }
}
