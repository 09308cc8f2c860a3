using Dealix.Orchestrations.BulkEmails.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dealix.Functions.Infrastructure.BulkEmails;

/// <summary>Registers the bulk e-mail store. Needs the deal tables (<c>AddDealsInfrastructure</c>) and the outreach ports.</summary>
public static class BulkEmailsInfrastructure
{
    /// <summary>Adds <see cref="IBulkEmailStore"/> (the <c>BulkEmails</c> and <c>BulkEmailRecipients</c> tables).</summary>
    public static IServiceCollection AddBulkEmailsInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton<IBulkEmailStore, TableBulkEmailStore>();
        return services;
    }
}
