using Dealix.Functions.Infrastructure.BulkEmails;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.BulkEmails;

/// <summary>Registers what the bulk e-mail needs (its store; the outreach ports and the outbox sender are the app's).</summary>
public static class BulkEmailServices
{
    /// <summary>Adds the bulk e-mail store.</summary>
    public static IServiceCollection AddBulkEmails(this IServiceCollection services) => services.AddBulkEmailsInfrastructure();
}
